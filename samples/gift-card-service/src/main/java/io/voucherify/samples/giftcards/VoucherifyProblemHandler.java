package io.voucherify.samples.giftcards;

import java.net.URI;

import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyConflictException;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyTransportException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns Voucherify's errors into RFC 9457 problem responses. The caller sees what went
 * wrong and Voucherify's error key and request id, never the raw upstream body.
 */
@RestControllerAdvice
class VoucherifyProblemHandler {

	@ExceptionHandler(VoucherifyNotFoundException.class)
	ProblemDetail notFound(VoucherifyNotFoundException ex) {
		String what = "session".equals(ex.getResourceType()) ? "Validation session" : "Card";
		return problem(HttpStatus.NOT_FOUND, what + " not found", ex);
	}

	@ExceptionHandler(VoucherifyBadRequestException.class)
	ProblemDetail badRequest(VoucherifyBadRequestException ex) {
		// Not enough balance is a business rule, not a malformed request.
		HttpStatus status = ("gift_amount_exceeded".equals(ex.getKey())
				|| "loyalty_card_points_exceeded".equals(ex.getKey())) ? HttpStatus.UNPROCESSABLE_CONTENT
						: HttpStatus.BAD_REQUEST;
		return problem(status, (ex.getErrorMessage() != null) ? ex.getErrorMessage() : "Invalid request", ex);
	}

	@ExceptionHandler(VoucherifyConflictException.class)
	ProblemDetail conflict(VoucherifyConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex);
	}

	@ExceptionHandler(VoucherifyRateLimitException.class)
	ResponseEntity<ProblemDetail> rateLimited(VoucherifyRateLimitException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
		if (ex.getRetryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfter().toSeconds()));
		}
		return response.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Voucherify rate limit reached", ex));
	}

	@ExceptionHandler(VoucherifyAuthenticationException.class)
	ProblemDetail authentication(VoucherifyAuthenticationException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "Voucherify rejected this service's credentials", ex);
	}

	@ExceptionHandler(VoucherifyApiException.class)
	ProblemDetail otherApiError(VoucherifyApiException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "Voucherify failed", ex);
	}

	@ExceptionHandler(VoucherifyTransportException.class)
	ProblemDetail unreachable(VoucherifyTransportException ex) {
		HttpStatus status = ex.isTimeout() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Voucherify could not be reached");
		problem.setType(URI.create("https://docs.voucherify.io/reference/errors"));
		return problem;
	}

	@ExceptionHandler(VoucherifyException.class)
	ProblemDetail unexpected(VoucherifyException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "Unexpected answer from Voucherify");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidArgument(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String detail, VoucherifyApiException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://docs.voucherify.io/reference/errors"));
		if (ex.getKey() != null) {
			problem.setProperty("voucherifyKey", ex.getKey());
		}
		if (ex.getRequestId() != null) {
			problem.setProperty("voucherifyRequestId", ex.getRequestId());
		}
		return problem;
	}

}
