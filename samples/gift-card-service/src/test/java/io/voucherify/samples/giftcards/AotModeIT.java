package io.voucherify.samples.giftcards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import io.voucherify.spring.test.VoucherifyEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar, processed ahead of time by the build ({@code process-aot}), run as
 * {@code java -Dspring.aot.enabled=true -jar gift-card-service-<version>.jar} in its own
 * JVM, on loopback only: every Voucherify operation of the sample through its HTTP
 * endpoints, on the embedded emulator, and {@code /actuator/health}. A second run of the
 * same jar with {@code VOUCHERIFY_APP_ID} set shows that the emulator or the API is still
 * chosen at run time, although the jar was built without credentials: it talks to an
 * emulator of this test standing in for the real API.
 */
class AotModeIT {

	/** What Spring Boot logs when it starts from the AOT-generated initializer. */
	private static final String AOT_STARTUP = "Starting AOT-processed GiftCardServiceApplication";

	private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String APP_ID = "aot-it-app";

	private static final String SECRET_KEY = "aot-it-secret";

	private static @Nullable VoucherifyEmulator standInApi;

	private static @Nullable Application onEmulator;

	private static @Nullable Application onApi;

	@BeforeAll
	static void startTheJarTwice() throws Exception {
		Path jar = Path.of(System.getProperty("gift-card-service.jar", "target/gift-card-service.jar"));
		assertThat(jar).as("the packaged jar; run `./mvnw verify`, not the test alone").isRegularFile();
		VoucherifyEmulator api = VoucherifyEmulator.builder().appId(APP_ID).secretKey(SECRET_KEY).build();
		standInApi = api;
		api.createGiftCard("REAL-API-0001", 4200);
		// Both start at once; each waits for its own health.
		Application emulator = Application.start(jar, "emulator", Map.of(),
				// Runtime properties, not conditions: they apply in AOT mode.
				List.of("--demo.emulator.job-duration=300ms", "--voucherify.jobs.first-poll-delay=0s",
						"--voucherify.jobs.poll-interval=50ms", "--voucherify.jobs.max-poll-interval=100ms"));
		onEmulator = emulator;
		Application real = Application.start(jar, "api", Map.of("VOUCHERIFY_APP_ID", APP_ID, "VOUCHERIFY_SECRET_KEY",
				SECRET_KEY, "VOUCHERIFY_BASE_URL", api.baseUrl()), List.of());
		onApi = real;
		emulator.awaitHealthy();
		real.awaitHealthy();
	}

	@AfterAll
	static void stopEverything() {
		for (Application application : new Application[] { onEmulator, onApi }) {
			if (application != null) {
				application.stop();
			}
		}
		if (standInApi != null) {
			standInApi.close();
		}
	}

	@Test
	void theJarHoldsTheGeneratedCodeAndStartsFromIt() throws IOException {
		try (JarFile jar = new JarFile(onEmulator().jar.toFile())) {
			for (String generated : List.of(
					"io/voucherify/samples/giftcards/GiftCardServiceApplication__ApplicationContextInitializer",
					"io/voucherify/samples/giftcards/EmbeddedVoucherifyConfiguration__BeanDefinitions",
					"io/voucherify/spring/autoconfigure/VoucherifyAutoConfiguration__BeanDefinitions",
					"io/voucherify/spring/autoconfigure/VoucherifyHealthContributorAutoConfiguration__BeanDefinitions",
					"io/voucherify/spring/autoconfigure/VoucherifyMetricsAutoConfiguration__BeanDefinitions",
					"io/voucherify/spring/autoconfigure/VoucherifyActuatorAutoConfiguration__BeanDefinitions")) {
				assertThat(jar.getEntry("BOOT-INF/classes/" + generated + ".class")).as(generated).isNotNull();
			}
		}
		assertThat(onEmulator().log()).contains(AOT_STARTUP);
		assertThat(onApi().log()).contains(AOT_STARTUP);
	}

	@Test
	void getsACard() {
		ResponseEntity<Map<String, Object>> card = onEmulator().get("/cards/LOYAL-DEMO-0001");
		assertThat(card.getStatusCode().value()).isEqualTo(200);
		assertThat(card.getBody()).containsEntry("code", "LOYAL-DEMO-0001")
			.containsEntry("type", "LOYALTY_CARD")
			.containsEntry("active", true)
			.containsEntry("points", 1200);
		ResponseEntity<Map<String, Object>> unknown = onEmulator().get("/cards/NO-SUCH-CARD");
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown.getBody()).containsEntry("detail", "Card not found")
			.containsEntry("voucherifyKey", "not_found");
	}

	@Test
	void topsUpAndSpends() {
		long balance = balance("GIFT-DEMO-0001");

		ResponseEntity<Map<String, Object>> topUp = onEmulator().post("/cards/GIFT-DEMO-0001/top-up",
				Map.of("amount", 2500, "sourceId", unique("refund"), "reason", "Refund"));
		assertThat(topUp.getStatusCode().value()).isEqualTo(200);
		assertThat(topUp.getBody()).containsEntry("amount", 2500);
		assertThat(number(topUp, "balance")).isEqualTo(balance + 2500);

		ResponseEntity<Map<String, Object>> spend = onEmulator().post("/cards/GIFT-DEMO-0001/spend",
				Map.of("amount", 1200, "sourceId", unique("order")));
		assertThat(spend.getStatusCode().value()).isEqualTo(200);
		assertThat(spend.getBody()).containsEntry("amount", -1200);
		assertThat(number(spend, "balance")).isEqualTo(balance + 1300);
		assertThat(balance("GIFT-DEMO-0001")).isEqualTo(balance + 1300);

		ResponseEntity<Map<String, Object>> tooMuch = onEmulator().post("/cards/GIFT-DEMO-0001/spend",
				Map.of("amount", 99_999_999, "sourceId", unique("order")));
		assertThat(tooMuch.getStatusCode().value()).isEqualTo(422);
		assertThat(tooMuch.getBody()).containsEntry("voucherifyKey", "gift_amount_exceeded");
	}

	@Test
	void refusesAFractionOfAMinorUnitBeforeCallingVoucherify() {
		long balance = balance("GIFT-DEMO-0001");

		ResponseEntity<Map<String, Object>> response = onEmulator().postJson("/cards/GIFT-DEMO-0001/spend",
				"{\"amount\": 12.5}");

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).containsEntry("field", "amount");
		assertThat(balance("GIFT-DEMO-0001")).isEqualTo(balance);
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsTransactions() {
		String sourceId = unique("refund");
		onEmulator().post("/cards/GIFT-DEMO-0001/top-up", Map.of("amount", 10, "sourceId", sourceId));

		ResponseEntity<Map<String, Object>> response = onEmulator().get("/cards/GIFT-DEMO-0001/transactions?limit=1");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("object", "list");
		assertThat((List<Map<String, Object>>) response.getBody().get("data")).singleElement()
			.satisfies((transaction) -> assertThat(transaction).containsEntry("source_id", sourceId)
				.containsEntry("type", "CREDITS_ADDITION"));
	}

	@Test
	void exportsTransactions() {
		ResponseEntity<Map<String, Object>> response = onEmulator().post("/cards/GIFT-DEMO-0001/transactions/export",
				Map.of());

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("object", "export")
			.containsEntry("status", "SCHEDULED")
			.containsEntry("exported_object", "voucher_transactions");
		assertThat((String) response.getBody().get("id")).startsWith("exp_");
	}

	@Test
	void exportsWaitsAndStreamsTransactionsAsCsv() {
		String sourceId = unique("order");
		onEmulator().post("/cards/GIFT-DEMO-0001/spend", Map.of("amount", 5, "sourceId", sourceId));

		ResponseEntity<String> response = onEmulator().http.get()
			.uri("/cards/GIFT-DEMO-0001/transactions.csv")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
		assertThat(response.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("GIFT-DEMO-0001-transactions.csv");
		assertThat(response.getBody()).startsWith("ID,Type,Source ID,Reason,Source,Balance,Amount,Created At\r\n")
			.contains("CREDITS_REMOVAL," + sourceId + ",");
	}

	@Test
	void disablesAndEnablesACard() {
		ResponseEntity<Map<String, Object>> disabled = onEmulator().post("/cards/GIFT-DEMO-0002/disable", Map.of());
		assertThat(disabled.getStatusCode().value()).isEqualTo(200);
		assertThat(disabled.getBody()).containsEntry("code", "GIFT-DEMO-0002").containsEntry("active", false);
		assertThat(onEmulator().get("/cards/GIFT-DEMO-0002").getBody()).containsEntry("active", false);

		ResponseEntity<Map<String, Object>> enabled = onEmulator().post("/cards/GIFT-DEMO-0002/enable", Map.of());
		assertThat(enabled.getStatusCode().value()).isEqualTo(200);
		assertThat(enabled.getBody()).containsEntry("code", "GIFT-DEMO-0002").containsEntry("active", true);
		assertThat(onEmulator().get("/cards/GIFT-DEMO-0002").getBody()).containsEntry("active", true);
	}

	@Test
	void importsACsv() throws InterruptedException {
		String code = unique("IMPORTED");

		ResponseEntity<Map<String, Object>> response = onEmulator().upload("/cards/import",
				"Code,Voucher Type,Value\n" + code + ",GIFT_VOUCHER,3000\n");

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		assertThat((String) response.getBody().get("async_action_id")).startsWith("aa_");
		// The emulator's import takes 300 ms here; the card appears when it is done.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (onEmulator().get("/cards/" + code).getStatusCode().value() == 404 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(onEmulator().get("/cards/" + code).getBody()).containsEntry("balance", 3000)
			.containsEntry("active", true);
	}

	@Test
	@SuppressWarnings("unchecked")
	void importsACsvAndWaitsForItsFailedRows() {
		String code = unique("IMPORTED");

		ResponseEntity<Map<String, Object>> response = onEmulator().upload("/cards/import-and-wait",
				"Code,Voucher Type,Value\n" + code + ",GIFT_VOUCHER,3000\nBAD-1,GIFT_CARD,100\n");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("status", "DONE")
			.containsEntry("imported", 1)
			.containsEntry("failed", 1);
		assertThat((String) response.getBody().get("asyncActionId")).startsWith("aa_");
		assertThat((List<Map<String, Object>>) response.getBody().get("failedRows")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("row", 2).containsEntry("code", "BAD-1"));
		assertThat(onEmulator().get("/cards/" + code).getBody()).containsEntry("balance", 3000);
	}

	@Test
	void deletesACardWithForce() {
		String code = unique("DELETED");
		assertThat(onEmulator()
			.upload("/cards/import-and-wait", "Code,Voucher Type,Value\n" + code + ",GIFT_VOUCHER,100\n")
			.getBody()).containsEntry("imported", 1);

		ResponseEntity<Void> response = onEmulator().http.delete()
			.uri("/cards/" + code + "?force=true")
			.retrieve()
			.toBodilessEntity();

		assertThat(response.getStatusCode().value()).isEqualTo(204);
		assertThat(onEmulator().get("/cards/" + code).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void releasesTheDemoValidationSession() {
		ResponseEntity<Void> released = onEmulator().http.delete()
			.uri("/cards/GIFT-DEMO-0001/sessions/ssn_demo_0001")
			.retrieve()
			.toBodilessEntity();
		assertThat(released.getStatusCode().value()).isEqualTo(204);

		ResponseEntity<Map<String, Object>> again = onEmulator().http.delete()
			.uri("/cards/GIFT-DEMO-0001/sessions/ssn_demo_0001")
			.retrieve()
			.toEntity(JSON);
		assertThat(again.getStatusCode().value()).isEqualTo(404);
		assertThat(again.getBody()).containsEntry("detail", "Validation session not found");
	}

	@Test
	void healthShowsVoucherifyUp() {
		assertThat(voucherifyHealth(onEmulator())).containsEntry("status", "UP");
	}

	@Test
	void metricsShowTheRateLimitGauge() {
		onEmulator().get("/cards/GIFT-DEMO-0002");

		ResponseEntity<Map<String, Object>> response = onEmulator()
			.get("/actuator/metrics/voucherify.client.rate.limit.remaining");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("name", "voucherify.client.rate.limit.remaining");
	}

	@Test
	@SuppressWarnings("unchecked")
	void withCredentialsSetAtRunTimeTheSameJarTalksToTheApiNotTheEmulator() {
		Application real = onApi();
		assertThat(real.log()).contains("VOUCHERIFY_APP_ID set: using the Voucherify API at " + standInApi().baseUrl())
			.doesNotContain("embedded Voucherify emulator");

		assertThat(real.get("/cards/REAL-API-0001").getBody()).containsEntry("code", "REAL-API-0001")
			.containsEntry("balance", 4200);
		// A demo card of the embedded emulator is not on the API.
		assertThat(real.get("/cards/GIFT-DEMO-0001").getStatusCode().value()).isEqualTo(404);
		Map<String, Object> health = voucherifyHealth(real);
		assertThat(health).containsEntry("status", "UP");
		assertThat((Map<String, Object>) health.get("details")).containsEntry("baseUrl", standInApi().baseUrl());
	}

	/**
	 * The call budget is chosen by a condition on {@code voucherify.rate-limit.enabled},
	 * fixed when the jar was processed, without it: the {@code fleet} profile at run time
	 * cannot add it, and the service refuses to start rather than run without it.
	 */
	@Test
	void theFleetProfileAtRunTimeIsRefusedByTheJarProcessedWithoutIt() throws Exception {
		Application fleet = Application.start(onEmulator().jar, "fleet", Map.of(),
				List.of("--spring.profiles.active=fleet", "--demo.emulator.port=0"));
		try {
			assertThat(fleet.process.waitFor(STARTUP_DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
			assertThat(fleet.process.exitValue()).isNotZero();
			assertThat(fleet.log()).contains(AOT_STARTUP)
				.contains("voucherify.rate-limit.enabled is true, but the application has no call budget: "
						+ "it runs in AOT mode, processed without the budget");
		}
		finally {
			fleet.stop();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> voucherifyHealth(Application application) {
		ResponseEntity<Map<String, Object>> response = application.get("/actuator/health");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
		return (Map<String, Object>) components.get("voucherify");
	}

	private static long balance(String code) {
		ResponseEntity<Map<String, Object>> card = onEmulator().get("/cards/" + code);
		assertThat(card.getStatusCode().value()).isEqualTo(200);
		return number(card, "balance");
	}

	private static long number(ResponseEntity<Map<String, Object>> response, String name) {
		assertThat(response.getBody()).extractingByKey(name).isInstanceOf(Number.class);
		return ((Number) response.getBody().get(name)).longValue();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static Application onEmulator() {
		assertThat(onEmulator).isNotNull();
		return onEmulator;
	}

	private static Application onApi() {
		assertThat(onApi).isNotNull();
		return onApi;
	}

	private static VoucherifyEmulator standInApi() {
		assertThat(standInApi).isNotNull();
		return standInApi;
	}

	/**
	 * The jar running in its own JVM, its output in a file under {@code target}.
	 */
	private static final class Application {

		private final Path jar;

		private final String name;

		private final Process process;

		private final int port;

		private final Path log;

		private final RestClient http;

		private Application(Path jar, String name, Process process, int port, Path log) {
			this.jar = jar;
			this.name = name;
			this.process = process;
			this.port = port;
			this.log = log;
			JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
			requestFactory.setReadTimeout(Duration.ofSeconds(20));
			this.http = RestClient.builder()
				.baseUrl("http://127.0.0.1:" + port)
				.requestFactory(requestFactory)
				.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
					// Keep error responses as values: the tests assert on them.
				})
				.build();
		}

		/**
		 * {@code java -Dspring.aot.enabled=true -jar <jar> --server.port=<free port>}
		 * with the {@code java} running this test, listening on loopback only. No
		 * {@code VOUCHERIFY_*} variable of the build's environment reaches it, only those
		 * given.
		 */
		static Application start(Path jar, String name, Map<String, String> environment, List<String> arguments)
				throws IOException {
			int port = freePort();
			Path log = jar.toAbsolutePath().getParent().resolve("aot-it").resolve("gift-card-service-" + name + ".log");
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dspring.aot.enabled=true",
					"-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
			command.addAll(arguments);
			ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().keySet().removeIf((variable) -> variable.startsWith("VOUCHERIFY_"));
			builder.environment().putAll(environment);
			return new Application(jar, name, builder.start(), port, log);
		}

		/**
		 * Poll {@code /actuator/health} until it answers 200, the process exits or the
		 * deadline passes.
		 */
		void awaitHealthy() throws InterruptedException {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpRequest health = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build();
			long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					fail("The " + this.name + " application exited with " + this.process.exitValue()
							+ " before it was healthy; its output (" + this.log + "):\n" + log());
				}
				try {
					if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(200);
			}
			fail("The " + this.name + " application was not healthy within " + STARTUP_DEADLINE + "; its output ("
					+ this.log + "):\n" + log());
		}

		/** Stop the process and its descendants, forcibly if they take too long. */
		void stop() {
			ProcessHandle handle = this.process.toHandle();
			List<ProcessHandle> descendants = handle.descendants().toList();
			handle.destroy();
			descendants.forEach(ProcessHandle::destroy);
			try {
				if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
					descendants.forEach(ProcessHandle::destroyForcibly);
					handle.destroyForcibly();
					this.process.waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				handle.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

		String log() {
			try {
				return Files.readString(this.log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		ResponseEntity<Map<String, Object>> get(String path) {
			return this.http.get().uri(path).retrieve().toEntity(JSON);
		}

		ResponseEntity<Map<String, Object>> post(String path, Map<String, Object> body) {
			return this.http.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toEntity(JSON);
		}

		ResponseEntity<Map<String, Object>> postJson(String path, String json) {
			return this.http.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.body(json)
				.retrieve()
				.toEntity(JSON);
		}

		/** A CSV file as the multipart part {@code file}. */
		ResponseEntity<Map<String, Object>> upload(String path, String csv) {
			HttpHeaders partHeaders = new HttpHeaders();
			partHeaders.setContentType(MediaType.parseMediaType("text/csv"));
			partHeaders.setContentDispositionFormData("file", "cards.csv");
			MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
			parts.add("file", new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), partHeaders));
			return this.http.post()
				.uri(path)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(parts)
				.retrieve()
				.toEntity(JSON);
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
		}

	}

}
