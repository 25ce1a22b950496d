package radesk.server.internal;

import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import radesk.api.ServiceException;

/** A JSON body's fields as the routes take them: typed, length-capped, each refusal naming the field. */
final class Fields {

	private Fields() {
	}

	static String text(JsonNode body, String field, int max) throws ApiException {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			throw new ApiException(400, "MISSING_FIELD", field + " is required");
		}
		if (!v.isTextual()) {
			throw new ApiException(400, "WRONG_TYPE", field + " must be a string");
		}
		if (v.textValue().length() > max) {
			throw new ApiException(400, "TOO_LONG", field + " is longer than " + max);
		}
		return v.textValue();
	}

	static byte[] base64(JsonNode body, String field, int max) throws ApiException {
		try {
			return Base64.getDecoder().decode(text(body, field, max));
		} catch (IllegalArgumentException e) {
			throw new ApiException(400, "WRONG_TYPE", field + " must be base64");
		}
	}

	/** What is done with a password from the body; the service may refuse. */
	@FunctionalInterface
	interface PasswordUse {
		JsonNode apply(char[] password) throws ServiceException, ApiException;
	}

	/** Runs {@code use} with the body's {@code password}, wiped afterwards; the service's refusal becomes the API's. */
	static JsonNode withPassword(JsonNode body, PasswordUse use) throws ApiException {
		char[] password = text(body, "password", 128).toCharArray();
		try {
			return use.apply(password);
		} catch (ServiceException e) {
			throw RaServer.refusal(e);
		} finally {
			Arrays.fill(password, '\0');
		}
	}
}
