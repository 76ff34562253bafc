package io.voucherify.spring;

import java.util.List;

import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.CsvImportResult;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherTransactionsPage;
import io.voucherify.spring.model.VoucherifyError;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image needs for the client to work: the client reads and writes its wire
 * types with Jackson, which reaches their constructors, accessors and
 * {@code @JsonCreator}/{@code @JsonValue} methods by reflection, and it reads its version
 * from a resource. Registered in {@code META-INF/spring/aot.factories}, so that it
 * applies to an auto-configured client and to one built by hand alike.
 */
class VoucherifyRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The types the client reads or writes, and those it hands to users to serialize (a
	 * CSV import's result); Spring's binding registrar follows each to the records and
	 * enums it holds.
	 */
	static final List<Class<?>> WIRE_TYPES = List.of(Voucher.class, BalanceUpdateRequest.class,
			BalanceUpdateResponse.class, VoucherTransactionsPage.class, TransactionsExportRequest.class,
			TransactionsExport.class, AsyncAction.class, AsyncActionDetails.class, CsvImportResult.class, Export.class,
			VoucherifyError.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				WIRE_TYPES.toArray(Class<?>[]::new));
		hints.resources().registerPattern("io/voucherify/spring/voucherify-version.properties");
	}

}
