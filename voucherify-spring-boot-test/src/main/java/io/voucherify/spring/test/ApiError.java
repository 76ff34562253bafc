package io.voucherify.spring.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer of the emulator, rendered as Voucherify's error envelope ({@code code},
 * {@code key}, {@code message}, {@code details}, {@code request_id}, {@code resource_id},
 * {@code resource_type}).
 */
final class ApiError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String key;

	private final String errorMessage;

	private final @Nullable String details;

	private final @Nullable String resourceId;

	private final @Nullable String resourceType;

	ApiError(int status, String key, String errorMessage, @Nullable String details, @Nullable String resourceId,
			@Nullable String resourceType) {
		super(status + " " + key + ": " + ((details != null) ? details : errorMessage), null, false, false);
		this.status = status;
		this.key = key;
		this.errorMessage = errorMessage;
		this.details = details;
		this.resourceId = resourceId;
		this.resourceType = resourceType;
	}

	static ApiError unauthorized() {
		return new ApiError(401, "unauthorized", "Unauthorized", null, null, null);
	}

	static ApiError voucherNotFound(String code) {
		return new ApiError(404, "not_found", "Resource not found", "Cannot find voucher with id " + code, code,
				"voucher");
	}

	static ApiError sessionNotFound(String sessionKey) {
		return new ApiError(404, "not_found", "Resource not found", "Cannot find session with id " + sessionKey,
				sessionKey, "session");
	}

	static ApiError asyncActionNotFound(String id) {
		return new ApiError(404, "not_found", "Resource not found", "Cannot find async_action with id " + id, id,
				"async_action");
	}

	static ApiError exportNotFound(String id) {
		return new ApiError(404, "not_found", "Resource not found", "Cannot find export with id " + id, id, "export");
	}

	static ApiError routeNotFound(String method, String path) {
		return new ApiError(404, "not_found", "Resource not found",
				"The emulator has no route for " + method + " " + path, null, null);
	}

	static ApiError methodNotAllowed(String method) {
		return new ApiError(405, "method_not_allowed", "Method not allowed",
				"Method " + method + " is not allowed on this resource", null, null);
	}

	static ApiError invalidPayload(String details) {
		return new ApiError(400, "invalid_payload", "Invalid payload", details, null, null);
	}

	static ApiError invalidBalanceParams(String details) {
		return new ApiError(400, "invalid_add_balance_params", "Invalid add balance params", details, null, null);
	}

	static ApiError invalidQueryParams(String details) {
		return new ApiError(400, "invalid_query_params", "Invalid query params", details, null, null);
	}

	static ApiError invalidExportParams(String details) {
		return new ApiError(400, "invalid_export_params", "Invalid export params", details, null, null);
	}

	static ApiError duplicateFound(String details) {
		return new ApiError(400, "duplicate_found", "Duplicate found", details, null, null);
	}

	static ApiError payloadTooLarge(String details) {
		return new ApiError(413, "payload_too_large", "Payload too large", details, null, null);
	}

	/** Voucherify's 429 message, as in its example; the key is the emulator's. */
	static ApiError tooManyRequests() {
		return new ApiError(429, "too_many_requests", "Too many requests hit the API too quickly.", null, null, null);
	}

	static ApiError malformedPath() {
		return new ApiError(400, "malformed_path", "Malformed path",
				"A path segment is not valid percent-encoded UTF-8", null, null);
	}

	/** The error as Voucherify's envelope. */
	ObjectNode json() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("code", this.status);
		if (this.status == 401) {
			// Voucherify's 401 carries no more than this.
			json.put("message", this.errorMessage);
			json.put("key", this.key);
			return json;
		}
		json.put("key", this.key);
		json.put("message", this.errorMessage);
		if (this.details != null) {
			json.put("details", this.details);
		}
		json.put("request_id", Ids.requestId());
		if (this.resourceId != null) {
			json.put("resource_id", this.resourceId);
		}
		if (this.resourceType != null) {
			json.put("resource_type", this.resourceType);
		}
		return json;
	}

	int status() {
		return this.status;
	}

	String key() {
		return this.key;
	}

	String errorMessage() {
		return this.errorMessage;
	}

	@Nullable String details() {
		return this.details;
	}

	@Nullable String resourceId() {
		return this.resourceId;
	}

	@Nullable String resourceType() {
		return this.resourceType;
	}

}
