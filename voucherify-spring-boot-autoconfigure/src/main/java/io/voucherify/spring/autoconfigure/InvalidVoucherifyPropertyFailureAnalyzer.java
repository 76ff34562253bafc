package io.voucherify.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up failure caused by a missing or invalid {@code voucherify.*}
 * property, naming the property to set.
 */
class InvalidVoucherifyPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidVoucherifyPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidVoucherifyPropertyException cause) {
		return new FailureAnalysis("The Voucherify client could not be configured: " + cause.getMessage() + ".",
				cause.getAction(), cause);
	}

}
