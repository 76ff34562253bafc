package io.voucherify.spring;

import java.util.List;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates requests the client sent against {@code vouchers-openapi-subset.json}, or
 * {@code async-actions-and-exports-openapi-subset.json} for the background-job
 * operations. The validator checks operation, path and query parameters, security headers
 * and JSON bodies; it does not validate {@code multipart/form-data} bodies, so the CSV
 * part is asserted separately in {@code VouchersTemplateTests}.
 */
public final class OpenApiContract {

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForSpecificationUrl(Examples.openApiSpec().toUri().toString())
		.build();

	private static final OpenApiInteractionValidator JOBS_VALIDATOR = OpenApiInteractionValidator
		.createForSpecificationUrl(Examples.jobsOpenApiSpec().toUri().toString())
		.build();

	private OpenApiContract() {
	}

	/**
	 * Assert that every request conforms to the spec: operation, path and query
	 * parameters, security headers and body.
	 * @param requests requests received by WireMock
	 */
	public static void assertConforms(List<LoggedRequest> requests) {
		for (LoggedRequest logged : requests) {
			boolean job = logged.getUrl().startsWith("/v1/async-actions/")
					|| logged.getUrl().startsWith("/v1/exports/");
			ValidationReport report = (job ? JOBS_VALIDATOR : VALIDATOR).validateRequest(toRequest(logged));
			assertThat(report.getMessages()).as("OpenAPI validation of %s %s", logged.getMethod(), logged.getUrl())
				.filteredOn((message) -> message.getLevel() == ValidationReport.Level.ERROR)
				.isEmpty();
		}
	}

	private static Request toRequest(LoggedRequest logged) {
		String url = logged.getUrl();
		int query = url.indexOf('?');
		String path = (query < 0) ? url : url.substring(0, query);
		SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), path);
		for (HttpHeader header : logged.getHeaders().all()) {
			builder.withHeader(header.key(), header.values());
		}
		logged.getQueryParams().forEach((name, values) -> builder.withQueryParam(name, values.values()));
		byte[] body = logged.getBody();
		if (body != null && body.length > 0) {
			builder.withBody(body);
		}
		return builder.build();
	}

	static String describe(ValidationReport report) {
		return report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n"));
	}

}
