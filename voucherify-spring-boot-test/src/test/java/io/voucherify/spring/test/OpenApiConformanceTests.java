package io.voucherify.spring.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.TransactionsExportOrder;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.TransactionsQuery;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the emulator sends, for each operation's success and each of its errors,
 * conforms to {@code vouchers-openapi-subset.json} (the nine Vouchers operations) or to
 * {@code async-actions-and-exports-openapi-subset.json} (Get Async Action, Get Export and
 * Download Export).
 * <p>
 * The specs declare only some error statuses (404 on eight operations, 400 on importCSV,
 * 401 on the download). An answer with a status the operation does not declare (401, a
 * 400 of a balance change, 413) is checked against the operation's declared error answer,
 * which is the same {@code Error} schema: its body must still be Voucherify's envelope.
 * <p>
 * Two flaws of the second spec are worked around in the copies the validators read, as
 * its notes advise ({@code voucherify-api/NOTES.md} §12, {@code examples/README.md}):
 * <ul>
 * <li>Get Export ({@code /v1/exports/{exportId}}) and Download Export
 * ({@code /v1/exports/{export_Id}}) are the same templated path, told apart only by the
 * host and the content type, so a validator cannot tell which one an answer belongs to.
 * Each host gets its own copy of the spec, holding only its operation.</li>
 * <li>An async action's {@code result} is a {@code oneOf} of 22 schemas without a
 * discriminator or required properties: an import's result matches 14 of them, so a
 * strict {@code oneOf} rejects every result, the spec's own examples included. The
 * emulator's only action type is {@code VOUCHERS.IMPORT_CSV}, so the API host's copy
 * replaces the {@code oneOf} by that type's branch, and the result is checked in full
 * against it.</li>
 * </ul>
 */
class OpenApiConformanceTests {

	private static final String VOUCHER = "/v1/vouchers/{code}";

	private static final String IMPORT = "/v1/vouchers/importCSV";

	private static final String ASYNC_ACTION = "/v1/async-actions/{asyncActionId}";

	private static final String EXPORT = "/v1/exports/{exportId}";

	private static final String DOWNLOAD = "/v1/exports/{export_Id}";

	private static final String CSV = "Code,Voucher Type,Value\nJOB-1,GIFT_VOUCHER,100\nJOB-2,GIFT_VOUCHER,abc\n";

	private static final String ALL_FIELDS = "{\"order\":\"created_at\",\"fields\":[\"id\",\"type\","
			+ "\"source_id\",\"reason\",\"balance\",\"amount\",\"created_at\",\"voucher_id\",\"campaign_id\","
			+ "\"details\",\"related_transaction_id\",\"source\"]}";

	private static final OpenApiInteractionValidator VALIDATOR = validator(
			Json.parse(read(Specification.openApiSpec())));

	/**
	 * Get Async Action and Get Export, with an async action's result narrowed to imports.
	 */
	private static final OpenApiInteractionValidator API_HOST = validator(apiHostSpec());

	/** Download Export alone. */
	private static final OpenApiInteractionValidator DOWNLOAD_HOST = validator(jobsSpecWithout(EXPORT));

	private static final Map<String, OpenApiInteractionValidator> VALIDATORS = Map.of(ASYNC_ACTION, API_HOST, EXPORT,
			API_HOST, DOWNLOAD, DOWNLOAD_HOST);

	/**
	 * Where the spec's own get-voucher examples send {@code null} although the schema
	 * does not mark the property nullable ({@code examples/README.md}). With a
	 * {@code null} tolerated at exactly these places, and nowhere else, all eight
	 * examples pass the validator; the emulator's vouchers send their {@code null}s at
	 * the same places.
	 */
	private static final Set<String> EXAMPLE_NULLS = Set.of("/campaign", "/campaign_id", "/category", "/category_id",
			"/discount", "/gift", "/loyalty_card", "/start_date", "/expiration_date", "/validity_timeframe",
			"/validity_day_of_week", "/additional_info", "/redemption/quantity");

	private static final Pattern NULL_TYPE = Pattern.compile("\\[Path '([^']*)'\\] Instance type \\(null\\) .*");

	/**
	 * Statuses each operation's spec declares; other statuses are checked as its error.
	 */
	private static final Map<String, Set<Integer>> DECLARED = Map.of(IMPORT, Set.of(202, 400), DOWNLOAD,
			Set.of(200, 401));

	/** The recorder of the interaction being performed, for clients built inside it. */
	private static final ThreadLocal<RecordingCustomizer> RECORDER = new ThreadLocal<>();

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	@ParameterizedTest(name = "{0}")
	@MethodSource("interactions")
	void theAnswerConformsToTheSpec(Interaction interaction) {
		RecordingCustomizer.Recorded answer = interaction.perform(voucherify.emulator());

		assertThat(answer.status()).as("status").isEqualTo(interaction.status());
		ValidationReport report = validate(interaction, answer);
		assertThat(errors(report.getMessages()))
			.as("OpenAPI validation of %s %s %d", interaction.method(), interaction.specPath(), answer.status())
			.isEmpty();
	}

	@Test
	void theCheckCatchesAnAnswerThatBreaksTheSpec() {
		SimpleResponse response = SimpleResponse.Builder.ok()
			.withContentType("application/json")
			.withBody("{\"id\":\"v_1\",\"code\":\"X\",\"type\":\"COUPON\",\"active\":\"yes\"}")
			.build();

		assertThat(errors(VALIDATOR.validateResponse(VOUCHER, Request.Method.GET, response).getMessages()))
			.isNotEmpty();
	}

	@Test
	void theSpecsOwnVoucherExamplesPass() {
		JsonNode examples = Json.parse(read(Specification.openApiSpec()))
			.at("/paths/~1v1~1vouchers~1{code}/get/responses/200/content/application~1json/examples");

		assertThat(examples.properties()).hasSize(8).allSatisfy((example) -> {
			SimpleResponse response = SimpleResponse.Builder.ok()
				.withContentType("application/json")
				.withBody(example.getValue().get("value").toString())
				.build();
			assertThat(errors(VALIDATOR.validateResponse(VOUCHER, Request.Method.GET, response).getMessages()))
				.as(example.getKey())
				.isEmpty();
		});
	}

	@Test
	void aNullIsToleratedOnlyWhereTheSpecExamplesSendOne() {
		SimpleResponse response = SimpleResponse.Builder.ok()
			.withContentType("application/json")
			.withBody("{\"id\":\"v_1\",\"code\":null,\"type\":\"GIFT_VOUCHER\",\"campaign_id\":null,"
					+ "\"redemption\":{\"quantity\":null,\"redeemed_quantity\":null}}")
			.build();

		assertThat(errors(VALIDATOR.validateResponse(VOUCHER, Request.Method.GET, response).getMessages())).hasSize(2)
			.anySatisfy((error) -> assertThat(error).contains("'/code'"))
			.anySatisfy((error) -> assertThat(error).contains("'/redemption/redeemed_quantity'"));
	}

	@Test
	void theSpecsOwnImportExamplePassesWithTheResultNarrowedToItsType() throws IOException {
		SimpleResponse response = SimpleResponse.Builder.ok()
			.withContentType("application/json")
			.withBody(Files.readString(Specification.examples().resolve("get-async-action-200-import-csv-done.json")))
			.build();

		assertThat(errors(API_HOST.validateResponse(ASYNC_ACTION, Request.Method.GET, response).getMessages()))
			.isEmpty();
	}

	@Test
	void theNarrowedResultIsStillChecked() {
		SimpleResponse response = SimpleResponse.Builder.ok()
			.withContentType("application/json")
			.withBody("{\"id\":\"aa_1\",\"type\":\"VOUCHERS.IMPORT_CSV\",\"status\":\"DONE\","
					+ "\"result\":{\"done_count\":\"two\",\"failed\":[{\"row\":\"one\"}]}}")
			.build();

		assertThat(errors(API_HOST.validateResponse(ASYNC_ACTION, Request.Method.GET, response).getMessages()))
			.hasSize(2);
	}

	@Test
	void theDownloadHostsSpecWantsPlainTextNotJson() {
		SimpleResponse json = SimpleResponse.Builder.ok().withContentType("application/json").withBody("{}").build();

		assertThat(errors(DOWNLOAD_HOST.validateResponse(DOWNLOAD, Request.Method.GET, json).getMessages()))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("validation.response.contentType.notAllowed");
	}

	/**
	 * The errors of a report: its innermost messages (a composite schema such as
	 * {@code allOf} reports its parts' errors as nested messages), less the known bugs of
	 * the spec, documented in {@code examples/README.md} and tolerated here, and nothing
	 * else:
	 * <ul>
	 * <li>{@code VoucherTransactionsExportFilterConditions} gives the {@code $in} items
	 * {@code maxLength: 1} where {@code maxItems: 1} was meant: the spec's own export
	 * examples break it with an 8-character code;</li>
	 * <li>{@code VoucherTransactionBase} requires a non-nullable {@code campaign_id}, but
	 * a voucher without a campaign (every generic voucher imported through the API, whose
	 * {@code campaign_id} is {@code null} per the importCSV description) has none. No
	 * answer can satisfy the spec here, absent being as wrong as {@code null}: the
	 * emulator answers {@code null}, as the examples' README says clients must expect of
	 * every field. Vouchers with a campaign answer their {@code campaign_id}.</li>
	 * </ul>
	 * and the explicit {@code null}s of a voucher at the places the spec's own examples
	 * send them ({@link #EXAMPLE_NULLS}).
	 */
	private static List<String> errors(List<ValidationReport.Message> messages) {
		List<String> errors = new ArrayList<>();
		for (ValidationReport.Message message : messages) {
			if (message.getLevel() != ValidationReport.Level.ERROR) {
				continue;
			}
			if (!message.getNestedMessages().isEmpty()) {
				errors.addAll(errors(message.getNestedMessages()));
			}
			else if (!isKnownSpecBug(message)) {
				errors.add(message.getKey() + ": " + message.getMessage());
			}
		}
		return errors;
	}

	private static boolean isKnownSpecBug(ValidationReport.Message message) {
		String key = message.getKey();
		String text = message.getMessage();
		boolean exportFilterMaxLength = key.equals("validation.response.body.schema.maxLength")
				&& text.startsWith("[Path '/parameters/filters/voucher_id/conditions/$in/0'] ");
		boolean nullCampaignIdOfATransaction = key.equals("validation.response.body.schema.type")
				&& text.matches("\\[Path '/data/\\d+/campaign_id'\\] Instance type \\(null\\) .*");
		return exportFilterMaxLength || nullCampaignIdOfATransaction || isExampleNull(message);
	}

	/** A {@code null} where the spec's own voucher examples send one. */
	private static boolean isExampleNull(ValidationReport.Message message) {
		Matcher matcher = NULL_TYPE.matcher(message.getMessage());
		return message.getKey().equals("validation.response.body.schema.type") && matcher.matches()
				&& EXAMPLE_NULLS.contains(matcher.group(1));
	}

	/**
	 * A validator reading a spec as written. By default the validator injects
	 * {@code additionalProperties: false} into every object schema, which OpenAPI does
	 * not say and which cannot work with the specs' {@code allOf} compositions (Voucher =
	 * VoucherBase + categories...; the validator's README FAQ). Switched off, declared
	 * properties are checked and others allowed.
	 */
	private static OpenApiInteractionValidator validator(JsonNode spec) {
		return OpenApiInteractionValidator.createForInlineApiSpecification(spec.toString())
			.withLevelResolver(LevelResolver.create()
				.withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
				.build())
			.build();
	}

	private static ObjectNode apiHostSpec() {
		ObjectNode spec = jobsSpecWithout(DOWNLOAD);
		ObjectNode resultOfAsyncAction = (ObjectNode) spec.at("/components/schemas/AsyncAction/allOf/1/properties");
		resultOfAsyncAction.set("result", Json
			.parse("{\"$ref\":\"#/components/schemas/" + "17_res_obj_get_async_action_result_vouchers_import_csv\"}"));
		return spec;
	}

	private static ObjectNode jobsSpecWithout(String path) {
		ObjectNode spec = (ObjectNode) Json.parse(read(Specification.asyncActionsAndExportsSpec()));
		((ObjectNode) spec.get("paths")).remove(path);
		return spec;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ValidationReport validate(Interaction interaction, RecordingCustomizer.Recorded answer) {
		String specPath = interaction.specPath();
		Set<Integer> declared = DECLARED.getOrDefault(specPath, Set.of(200, 204, 404));
		int status = answer.status();
		if (!declared.contains(status)) {
			status = switch (specPath) {
				case IMPORT -> 400;
				case DOWNLOAD -> 401;
				default -> 404;
			};
		}
		SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
		answer.headers().forEach(response::withHeader);
		if (answer.body().length > 0) {
			response.withBody(answer.body());
		}
		return VALIDATORS.getOrDefault(specPath, VALIDATOR)
			.validateResponse(specPath, interaction.method(), response.build());
	}

	static Stream<Named<Interaction>> interactions() {
		return Stream.of(
				// GET /v1/vouchers/{code}
				client("get a gift card", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.getVoucher("GIFT-1");
				}), client("get a loyalty card in a campaign", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.json"));
					v.getVoucher("SEED-LOYALTY");
				}), client("get an amount discount with dates", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.json"));
					v.getVoucher("SEED-AMOUNT");
				}), client("get a percent discount with a limit", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.json"));
					v.getVoucher("SEED-PERCENT");
				}), client("get a gift card with a category and metadata", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.json"));
					v.getVoucher("SEED-GIFT");
				}), client("get an imported voucher", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.csv"));
					v.getVoucher("CSV-AMOUNT");
				}), client("get an imported gift card", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.csv"));
					v.getVoucher("CSV-GIFT");
				}), client("get a fixed discount", Request.Method.GET, VOUCHER, 200, (e, v) -> {
					e.load(json("[{\"code\":\"FIXED\",\"discount\":{\"type\":\"FIXED\",\"fixed_amount\":200}}]"));
					v.getVoucher("FIXED");
				}), client("get an unknown code", Request.Method.GET, VOUCHER, 404, (e, v) -> v.getVoucher("10OFF")),
				client("get with wrong credentials", Request.Method.GET, VOUCHER, 401,
						(e, v) -> TestClients.builder(e)
							.secretKey("wrong")
							.customizer(RECORDER.get())
							.build()
							.getVoucher("GIFT-1")),
				raw("get a malformed code", Request.Method.GET, VOUCHER, 400,
						(e) -> TestClients.raw(e, "GET", "/v1/vouchers/%C3%28", null)),
				// DELETE /v1/vouchers/{code}
				client("delete to the bin", Request.Method.DELETE, VOUCHER, 204, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.deleteVoucher("GIFT-1");
				}), client("delete for good", Request.Method.DELETE, VOUCHER, 204, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.deleteVoucher("GIFT-1", true);
				}),
				client("delete an unknown code", Request.Method.DELETE, VOUCHER, 404,
						(e, v) -> v.deleteVoucher("10OFF", true)),
				raw("delete with a bad force", Request.Method.DELETE, VOUCHER, 400, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "DELETE", "/v1/vouchers/GIFT-1?force=maybe", null);
				}),
				// POST /v1/vouchers/{code}/enable and /disable
				client("enable", Request.Method.POST, VOUCHER + "/enable", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.enableVoucher("GIFT-1");
				}),
				client("enable an unknown code", Request.Method.POST, VOUCHER + "/enable", 404,
						(e, v) -> v.enableVoucher("10OFF")),
				client("disable", Request.Method.POST, VOUCHER + "/disable", 200, (e, v) -> {
					e.createDiscountVoucher("10OFF", 1000);
					v.disableVoucher("10OFF");
				}),
				client("disable an unknown code", Request.Method.POST, VOUCHER + "/disable", 404,
						(e, v) -> v.disableVoucher("10OFF")),
				// POST /v1/vouchers/{code}/balance
				client("add to a gift card", Request.Method.POST, VOUCHER + "/balance", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(100).withSourceId("s").withReason("r"));
				}), client("remove from a gift card", Request.Method.POST, VOUCHER + "/balance", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(100));
				}), client("add points to a loyalty card", Request.Method.POST, VOUCHER + "/balance", 200, (e, v) -> {
					e.createLoyaltyCard("LOYAL-1", 100);
					v.updateVoucherBalance("LOYAL-1", BalanceUpdateRequest.add(100));
				}), client("overdraw a gift card", Request.Method.POST, VOUCHER + "/balance", 400, (e, v) -> {
					e.createGiftCard("GIFT-1", 50);
					v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(100));
				}), client("overdraw a loyalty card", Request.Method.POST, VOUCHER + "/balance", 400, (e, v) -> {
					e.createLoyaltyCard("LOYAL-1", 50);
					v.updateVoucherBalance("LOYAL-1", BalanceUpdateRequest.remove(100));
				}), client("change a discount's balance", Request.Method.POST, VOUCHER + "/balance", 400, (e, v) -> {
					e.createDiscountVoucher("10OFF", 1000);
					v.updateVoucherBalance("10OFF", BalanceUpdateRequest.add(100));
				}), raw("change by zero", Request.Method.POST, VOUCHER + "/balance", 400, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "POST", "/v1/vouchers/GIFT-1/balance", "{\"amount\":0}");
				}), raw("change without an amount", Request.Method.POST, VOUCHER + "/balance", 400, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "POST", "/v1/vouchers/GIFT-1/balance", "{}");
				}), raw("change with a body that is not JSON", Request.Method.POST, VOUCHER + "/balance", 400, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "POST", "/v1/vouchers/GIFT-1/balance", "amount=1");
				}),
				client("change an unknown code", Request.Method.POST, VOUCHER + "/balance", 404,
						(e, v) -> v.updateVoucherBalance("10OFF", BalanceUpdateRequest.add(1))),
				// GET /v1/vouchers/{code}/transactions
				client("list gift card transactions", Request.Method.GET, VOUCHER + "/transactions", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(100).withSourceId("s").withReason("r"));
					v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(100));
					v.listVoucherTransactions("GIFT-1");
				}),
				client("list loyalty card transactions", Request.Method.GET, VOUCHER + "/transactions", 200, (e, v) -> {
					e.load(new ClassPathResource("vouchers.json"));
					v.updateVoucherBalance("SEED-LOYALTY", BalanceUpdateRequest.add(100));
					v.updateVoucherBalance("SEED-LOYALTY", BalanceUpdateRequest.remove(10));
					v.listVoucherTransactions("SEED-LOYALTY");
				}),
				client("list a page with more after it", Request.Method.GET, VOUCHER + "/transactions", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					IntStream.range(0, 3).forEach((i) -> v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1)));
					v.listVoucherTransactions("GIFT-1", TransactionsQuery.firstPage().withLimit(2));
				}), client("list no transactions", Request.Method.GET, VOUCHER + "/transactions", 200, (e, v) -> {
					e.createDiscountVoucher("10OFF", 1000);
					v.listVoucherTransactions("10OFF");
				}), raw("list with a bad limit", Request.Method.GET, VOUCHER + "/transactions", 400, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "GET", "/v1/vouchers/GIFT-1/transactions?limit=500", null);
				}),
				client("list an unknown code", Request.Method.GET, VOUCHER + "/transactions", 404,
						(e, v) -> v.listVoucherTransactions("10OFF")),
				// POST /v1/vouchers/{code}/transactions/export
				client("export with defaults", Request.Method.POST, VOUCHER + "/transactions/export", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.exportVoucherTransactions("GIFT-1");
				}), client("export all fields", Request.Method.POST, VOUCHER + "/transactions/export", 200, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					v.exportVoucherTransactions("GIFT-1",
							TransactionsExportRequest.allFields(TransactionsExportOrder.CREATED_AT_ASC));
				}), raw("export a bad field", Request.Method.POST, VOUCHER + "/transactions/export", 400, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "POST", "/v1/vouchers/GIFT-1/transactions/export",
							"{\"parameters\":{\"fields\":[\"colour\"]}}");
				}),
				client("export an unknown code", Request.Method.POST, VOUCHER + "/transactions/export", 404,
						(e, v) -> v.exportVoucherTransactions("10OFF")),
				// POST /v1/vouchers/importCSV
				client("import", Request.Method.POST, IMPORT, 202,
						(e, v) -> v.importVouchersUsingCsv(new ClassPathResource("vouchers.csv"))),
				client("import with a bad row", Request.Method.POST, IMPORT, 202,
						(e, v) -> v.importVouchersUsingCsv(csv("Code,Voucher Type,Value\nX,GIFT_VOUCHER,-5\n"))),
				client("import a code twice", Request.Method.POST, IMPORT, 202,
						(e, v) -> v.importVouchersUsingCsv(
								csv("Code,Voucher Type,Value\nX,GIFT_VOUCHER,5\nX,GIFT_VOUCHER,5\n"))),
				client("import a file without a Code column", Request.Method.POST, IMPORT, 400,
						(e, v) -> v.importVouchersUsingCsv(csv("Voucher Type,Value\nGIFT_VOUCHER,5\n"))),
				raw("import without a file", Request.Method.POST, IMPORT, 400, (e) -> TestClients.multipart(e,
						"b0undary",
						("--b0undary\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b0undary--\r\n")
							.getBytes(StandardCharsets.UTF_8))),
				client("import a file over 10 MB", Request.Method.POST, IMPORT, 413,
						(e, v) -> v.importVouchersUsingCsv(new HugeCsv())),
				// DELETE /v1/vouchers/{code}/sessions/{sessionKey}
				client("release a session", Request.Method.DELETE, VOUCHER + "/sessions/{sessionKey}", 204, (e, v) -> {
					e.createGiftCard("GIFT-1", 5000);
					e.createSession("GIFT-1", "ssn_1");
					v.releaseValidationSession("GIFT-1", "ssn_1");
				}), client("release an unknown session", Request.Method.DELETE, VOUCHER + "/sessions/{sessionKey}", 404,
						(e, v) -> {
							e.createGiftCard("GIFT-1", 5000);
							v.releaseValidationSession("GIFT-1", "Enigma-Session");
						}),
				client("release a session of an unknown code", Request.Method.DELETE,
						VOUCHER + "/sessions/{sessionKey}", 404,
						(e, v) -> v.releaseValidationSession("10OFF", "ssn_1")),
				// GET /v1/async-actions/{asyncActionId}
				raw("get a done import with a failed row", Request.Method.GET, ASYNC_ACTION, 200,
						(e) -> TestClients.raw(e, "GET", "/v1/async-actions/" + TestClients.importCsv(e, CSV), null)),
				raw("get an enqueued import", Request.Method.GET, ASYNC_ACTION, 200,
						(e) -> onSlowJobs(Duration.ZERO, (slow) -> TestClients.importCsv(slow, CSV),
								"/v1/async-actions/")),
				raw("get an import in progress", Request.Method.GET, ASYNC_ACTION, 200,
						(e) -> onSlowJobs(Duration.ofSeconds(5), (slow) -> TestClients.importCsv(slow, CSV),
								"/v1/async-actions/")),
				raw("get an unknown async action", Request.Method.GET, ASYNC_ACTION, 404,
						(e) -> TestClients.raw(e, "GET", "/v1/async-actions/aa_0aeb82bd55d5beffb", null)),
				// GET /v1/exports/{exportId}
				raw("get a done export of all fields", Request.Method.GET, EXPORT, 200, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "GET", "/v1/exports/" + Exports.create(e, "GIFT-1", ALL_FIELDS), null);
				}), raw("get a done export without parameters", Request.Method.GET, EXPORT, 200, (e) -> {
					e.createGiftCard("GIFT-1", 5000);
					return TestClients.raw(e, "GET", "/v1/exports/" + Exports.create(e, "GIFT-1", null), null);
				}),
				raw("get a scheduled export", Request.Method.GET, EXPORT, 200,
						(e) -> onSlowJobs(Duration.ZERO, OpenApiConformanceTests::exportGiftCard, "/v1/exports/")),
				raw("get an export in progress", Request.Method.GET, EXPORT, 200,
						(e) -> onSlowJobs(Duration.ofSeconds(5), OpenApiConformanceTests::exportGiftCard,
								"/v1/exports/")),
				raw("get an unknown export", Request.Method.GET, EXPORT, 404,
						(e) -> TestClients.raw(e, "GET", "/v1/exports/exp_8fNoLwgVPuhoxNzVsr50kq0", null)),
				// GET /v1/exports/{export_Id} on the download host
				raw("download an export", Request.Method.GET, DOWNLOAD, 200, (e) -> {
					String id = exportGiftCard(e);
					return TestClients.get(Exports.url(e, id), "X-App-Id", e.appId(), "X-App-Token", e.secretKey());
				}),
				raw("download without a token", Request.Method.GET, DOWNLOAD, 401,
						(e) -> TestClients.get(e.downloadBaseUrl() + "/v1/exports/" + exportGiftCard(e))),
				raw("download with wrong credentials", Request.Method.GET, DOWNLOAD, 401,
						(e) -> TestClients.get(Exports.url(e, exportGiftCard(e)), "X-App-Id", e.appId(), "X-App-Token",
								"wrong")),
				raw("download an unknown export", Request.Method.GET, DOWNLOAD, 404, (e) -> TestClients
					.get(e.downloadBaseUrl() + "/v1/exports/exp_8fNoLwgVPuhoxNzVsr50kq0?token=TOKEN")));
	}

	/** A gift card with two balance changes, and an export of them with every field. */
	private static String exportGiftCard(VoucherifyEmulator emulator) {
		emulator.createGiftCard("GIFT-1", 5000);
		VouchersOperations vouchers = TestClients.vouchers(emulator);
		vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(100).withSourceId("s").withReason("r, \"q\""));
		vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(50));
		return Exports.create(emulator, "GIFT-1", ALL_FIELDS);
	}

	/**
	 * Start a job on an emulator of its own whose jobs take ten seconds, and look at it
	 * once {@code elapsed} has passed on that emulator's clock.
	 * @param start starts the job and returns its id
	 * @param pathPrefix the path that the id completes
	 */
	private static HttpResponse<String> onSlowJobs(Duration elapsed, Function<VoucherifyEmulator, String> start,
			String pathPrefix) {
		MutableClock clock = new MutableClock(Instant.now());
		try (VoucherifyEmulator slow = VoucherifyEmulator.builder()
			.jobDuration(Duration.ofSeconds(10))
			.clock(clock)
			.build()) {
			String id = start.apply(slow);
			clock.advance(elapsed);
			return TestClients.raw(slow, "GET", pathPrefix + id, null);
		}
	}

	private static Named<Interaction> client(String name, Request.Method method, String specPath, int status,
			ClientAction action) {
		return Named.of(name, new Interaction(method, specPath, status, (emulator) -> {
			RecordingCustomizer recorder = new RecordingCustomizer();
			RECORDER.set(recorder);
			try {
				action.perform(emulator, TestClients.vouchers(emulator, recorder));
			}
			catch (VoucherifyException ex) {
				// The error answer is what is checked.
			}
			finally {
				RECORDER.remove();
			}
			return recorder.last();
		}));
	}

	private static Named<Interaction> raw(String name, Request.Method method, String specPath, int status,
			Function<VoucherifyEmulator, HttpResponse<String>> action) {
		return Named.of(name, new Interaction(method, specPath, status, (emulator) -> {
			HttpResponse<String> response = action.apply(emulator);
			HttpHeaders headers = new HttpHeaders();
			response.headers().map().forEach(headers::addAll);
			return new RecordingCustomizer.Recorded(response.statusCode(), headers,
					response.body().getBytes(StandardCharsets.UTF_8));
		}));
	}

	private static ByteArrayResource json(String json) {
		return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "seed.json";
			}

		};
	}

	private static ByteArrayResource csv(String csv) {
		return new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "vouchers.csv";
			}

		};
	}

	/** What an interaction does with the emulator and a recording client. */
	@FunctionalInterface
	interface ClientAction {

		void perform(VoucherifyEmulator emulator, VouchersOperations vouchers);

	}

	/**
	 * One call and the spec operation it belongs to.
	 *
	 * @param method the operation's method
	 * @param specPath the operation's path template
	 * @param status the expected status
	 * @param call performs the call and returns the raw answer
	 */
	record Interaction(Request.Method method, String specPath, int status,
			Function<VoucherifyEmulator, RecordingCustomizer.Recorded> call) {

		RecordingCustomizer.Recorded perform(VoucherifyEmulator emulator) {
			return this.call.apply(emulator);
		}

	}

	/** An 11 MB CSV of distinct codes, generated as it is read, never held in memory. */
	static final class HugeCsv extends AbstractResource {

		private static final int LINES = 300_000;

		@Override
		public String getDescription() {
			return "huge.csv";
		}

		@Override
		public String getFilename() {
			return "huge.csv";
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public InputStream getInputStream() {
			InputStream header = new ByteArrayInputStream("Code,Voucher Type,Value\n".getBytes(StandardCharsets.UTF_8));
			return new SequenceInputStream(header, new InputStream() {

				private int line;

				private byte[] current = new byte[0];

				private int position;

				@Override
				public int read() {
					byte[] one = new byte[1];
					return (read(one, 0, 1) == -1) ? -1 : one[0];
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					if (this.position == this.current.length) {
						if (this.line == LINES) {
							return -1;
						}
						this.current = ("HUGE-CODE-" + (1_000_000_000L + this.line++) + ",GIFT_VOUCHER,100\n")
							.getBytes(StandardCharsets.UTF_8);
						this.position = 0;
					}
					int n = Math.min(length, this.current.length - this.position);
					System.arraycopy(this.current, this.position, buffer, offset, n);
					this.position += n;
					return n;
				}

			});
		}

	}

}
