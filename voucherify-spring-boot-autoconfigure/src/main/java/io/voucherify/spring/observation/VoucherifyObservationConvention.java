package io.voucherify.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of Voucherify calls. Declare a bean of this type to
 * rename or extend them; extend {@link DefaultVoucherifyObservationConvention} to keep
 * its keys.
 *
 * @since 0.1.0
 */
public interface VoucherifyObservationConvention extends ObservationConvention<VoucherifyObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof VoucherifyObservationContext;
	}

}
