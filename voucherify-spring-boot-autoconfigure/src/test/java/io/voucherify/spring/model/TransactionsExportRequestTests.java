package io.voucherify.spring.model;

import java.util.ArrayList;
import java.util.List;

import io.voucherify.spring.Examples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Writes {@link TransactionsExportRequest} the way the spec's example shows it.
 */
class TransactionsExportRequestTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<TransactionsExportField> EXAMPLE_FIELDS = List.of(TransactionsExportField.ID,
			TransactionsExportField.TYPE, TransactionsExportField.SOURCE_ID, TransactionsExportField.REASON,
			TransactionsExportField.BALANCE, TransactionsExportField.AMOUNT, TransactionsExportField.CREATED_AT,
			TransactionsExportField.VOUCHER_ID, TransactionsExportField.CAMPAIGN_ID, TransactionsExportField.DETAILS,
			TransactionsExportField.SOURCE);

	@Test
	void serializesToTheSpecExample() {
		TransactionsExportRequest request = TransactionsExportRequest.of(TransactionsExportOrder.CREATED_AT_DESC,
				EXAMPLE_FIELDS);
		assertThat(MAPPER.readTree(MAPPER.writeValueAsString(request)))
			.isEqualTo(MAPPER.readTree(Examples.read("export-transactions-request.json")));
	}

	@Test
	void serializesToTheSpecExampleWhateverTheApplicationsNamingStrategy() {
		JsonMapper kebab = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE).build();
		TransactionsExportRequest request = TransactionsExportRequest.of(TransactionsExportOrder.CREATED_AT_DESC,
				EXAMPLE_FIELDS);
		assertThat(MAPPER.readTree(kebab.writeValueAsString(request)))
			.isEqualTo(MAPPER.readTree(Examples.read("export-transactions-request.json")));
	}

	@Test
	void requestWithoutParametersSerializesToEmptyObject() {
		assertThat(MAPPER.writeValueAsString(new TransactionsExportRequest(null))).isEqualTo("{}");
		assertThat(MAPPER.writeValueAsString(TransactionsExportRequest.defaults())).isEqualTo("{}");
	}

	@Test
	void unsetOrderOrFieldsAreNotSent() {
		assertThat(
				MAPPER.writeValueAsString(TransactionsExportRequest.of(TransactionsExportOrder.CREATED_AT_ASC, null)))
			.isEqualTo("{\"parameters\":{\"order\":\"created_at\"}}");
		assertThat(MAPPER.writeValueAsString(TransactionsExportRequest.of(null, List.of(TransactionsExportField.ID))))
			.isEqualTo("{\"parameters\":{\"fields\":[\"id\"]}}");
	}

	@Test
	void allFieldsAsksForTheTwelveColumnsInTheSchemasOrder() {
		assertThat(MAPPER.readTree(MAPPER.writeValueAsString(TransactionsExportRequest.allFields())))
			.isEqualTo(MAPPER.readTree("""
					{"parameters": {"fields": ["id", "type", "source_id", "reason", "balance", "amount", "created_at",
					  "voucher_id", "campaign_id", "source", "details", "related_transaction_id"]}}
					"""));
		TransactionsExportRequestParameters parameters = TransactionsExportRequest
			.allFields(TransactionsExportOrder.CREATED_AT_DESC)
			.parameters();
		assertThat(parameters).isNotNull();
		assertThat(parameters.order()).isEqualTo(TransactionsExportOrder.CREATED_AT_DESC);
		assertThat(parameters.fields()).hasSize(12).doesNotContain(TransactionsExportField.UNKNOWN);
	}

	@Test
	void fieldsAreCopied() {
		List<TransactionsExportField> fields = new ArrayList<>(List.of(TransactionsExportField.ID));
		TransactionsExportRequest request = TransactionsExportRequest.of(null, fields);
		fields.add(TransactionsExportField.AMOUNT);
		assertThat(request.parameters()).isNotNull();
		assertThat(request.parameters().fields()).containsExactly(TransactionsExportField.ID);
	}

	@Test
	void unknownValuesCannotBeSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransactionsExportRequest.of(TransactionsExportOrder.UNKNOWN, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransactionsExportRequest.of(null, List.of(TransactionsExportField.UNKNOWN)));
	}

	@Test
	void emptyOrNullHoldingFieldsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionsExportRequest.of(null, List.of()));
		List<TransactionsExportField> withNull = new ArrayList<>();
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionsExportRequest.of(null, withNull))
			.withMessageContaining("fields");
	}

}
