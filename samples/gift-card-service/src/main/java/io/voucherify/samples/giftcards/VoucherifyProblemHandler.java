package io.voucherify.samples.giftcards;

import java.net.URI;

import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyConflictException;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyJobException;
import io.voucherify.spring.exception.VoucherifyJobTimeoutException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the service as one RFC 9457 problem shape: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, plus {@code field} for a bad request
 * field and Voucherify's {@code voucherifyKey}, {@code voucherifyDetails} and
 * {@code voucherifyRequestId} where it sent them. Spring MVC's own errors (malformed
 * JSON, a missing multipart file) take the same shape.
 */
@RestControllerAdvice
class VoucherifyProblemHandler extends ResponseEntityExceptionHandler {

	private static final URI VOUCHERIFY_ERRORS = URI.create("https://docs.voucherify.io/reference/errors");

	/** A request to this service that it refused before calling Voucherify. */
	private static final URI INVALID_REQUEST = URI.create("urn:gift-card-service:problem:invalid-request");

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		return field(ex.getField(), ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException ex) {
		return invalidField(InvalidFieldException.missingFile());
	}

	/** Malformed JSON, or a field Jackson could not read, such as an amount of 12.5. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException invalid = find(ex, JacksonException.class);
		String field = (invalid != null && !invalid.getPath().isEmpty())
				? invalid.getPath().get(invalid.getPath().size() - 1).getPropertyName() : null;
		ProblemDetail problem;
		if ("amount".equals(field)) {
			problem = field(field, "'amount' must be " + BalanceChange.AMOUNT_RULE + ", from 1 to " + Long.MAX_VALUE
					+ ": no fraction, no quotes");
		}
		else if (field != null) {
			problem = field(field, "'" + field + "' has a value of the wrong type");
		}
		else if (find(ex, StreamReadException.class) != null) {
			problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "The request body is not valid JSON");
		}
		else {
			problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "The request body is missing or unreadable");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/** Spring MVC's other errors (an unknown path, a wrong method) get a type too. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && "about:blank".equals(problem.getType().toString())) {
			problem.setType(INVALID_REQUEST);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@ExceptionHandler(VoucherifyNotFoundException.class)
	ProblemDetail notFound(VoucherifyNotFoundException ex) {
		String what = "session".equals(ex.getResourceType()) ? "Validation session" : "Card";
		return voucherify(HttpStatus.NOT_FOUND, what + " not found", ex);
	}

	@ExceptionHandler(VoucherifyBadRequestException.class)
	ProblemDetail badRequest(VoucherifyBadRequestException ex) {
		// Not enough balance is a business rule, not a malformed request.
		HttpStatus status = ("gift_amount_exceeded".equals(ex.getKey())
				|| "loyalty_card_points_exceeded".equals(ex.getKey())) ? HttpStatus.UNPROCESSABLE_CONTENT
						: HttpStatus.BAD_REQUEST;
		return voucherify(status, (ex.getErrorMessage() != null) ? ex.getErrorMessage() : "Invalid request", ex);
	}

	@ExceptionHandler(VoucherifyConflictException.class)
	ProblemDetail conflict(VoucherifyConflictException ex) {
		return voucherify(HttpStatus.CONFLICT, "Conflict", ex);
	}

	@ExceptionHandler(VoucherifyRateLimitException.class)
	ResponseEntity<ProblemDetail> rateLimited(VoucherifyRateLimitException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
		if (ex.getRetryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfter().toSeconds()));
		}
		return response.body(voucherify(HttpStatus.SERVICE_UNAVAILABLE, "Voucherify rate limit reached", ex));
	}

	@ExceptionHandler(VoucherifyAuthenticationException.class)
	ProblemDetail authentication(VoucherifyAuthenticationException ex) {
		return voucherify(HttpStatus.BAD_GATEWAY, "Voucherify rejected this service's credentials", ex);
	}

	@ExceptionHandler(VoucherifyApiException.class)
	ProblemDetail otherApiError(VoucherifyApiException ex) {
		return voucherify(HttpStatus.BAD_GATEWAY, "Voucherify failed", ex);
	}

	@ExceptionHandler(VoucherifyTransportException.class)
	ProblemDetail unreachable(VoucherifyTransportException ex) {
		HttpStatus status = ex.isTimeout() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		return problem(status, VOUCHERIFY_ERRORS, "Voucherify could not be reached");
	}

	@ExceptionHandler(VoucherifyJobTimeoutException.class)
	ProblemDetail jobTooSlow(VoucherifyJobTimeoutException ex) {
		ProblemDetail problem = job(HttpStatus.GATEWAY_TIMEOUT, "Voucherify has not finished the job yet", ex);
		problem.setProperty("lastStatus", ex.getLastStatus());
		return problem;
	}

	@ExceptionHandler(VoucherifyJobException.class)
	ProblemDetail jobFailed(VoucherifyJobException ex) {
		return job(HttpStatus.BAD_GATEWAY, "Voucherify could not finish the job", ex);
	}

	@ExceptionHandler(VoucherifyException.class)
	ProblemDetail unexpected(VoucherifyException ex) {
		return problem(HttpStatus.BAD_GATEWAY, VOUCHERIFY_ERRORS, "Unexpected answer from Voucherify");
	}

	/** The starter's own argument checks, before anything is sent. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, ex.getMessage());
	}

	/** A background job's problem, with its id so that it can be looked up later. */
	private static ProblemDetail job(HttpStatus status, String detail, VoucherifyJobException ex) {
		ProblemDetail problem = problem(status, VOUCHERIFY_ERRORS, detail);
		problem.setProperty("jobId", ex.getJobId());
		return problem;
	}

	private static ProblemDetail field(String field, String detail) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, detail);
		problem.setProperty("field", field);
		return problem;
	}

	private static ProblemDetail voucherify(HttpStatus status, String detail, VoucherifyApiException ex) {
		ProblemDetail problem = problem(status, VOUCHERIFY_ERRORS, detail);
		if (ex.getKey() != null) {
			problem.setProperty("voucherifyKey", ex.getKey());
		}
		if (ex.getDetails() != null) {
			problem.setProperty("voucherifyDetails", ex.getDetails());
		}
		if (ex.getRequestId() != null) {
			problem.setProperty("voucherifyRequestId", ex.getRequestId());
		}
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, URI type, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return problem;
	}

	private static <E extends Throwable> @Nullable E find(Throwable ex, Class<E> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
