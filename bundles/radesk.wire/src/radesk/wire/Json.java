package radesk.wire;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How the service's values travel between a client (subscriber edition, connected counter) and
 * the RA server: records by their components (a helper such as {@code isOrganization()} is no
 * property), times as ISO-8601 text, {@code Optional} as the value or null. Both ends use this
 * one mapper, and it reads under limits a hostile body cannot get past: the document's length,
 * nesting depth, token count, and the length of names and numbers.
 */
public final class Json {

	/** The largest body of every route but one, before anyone is known and after: sign-ins and calls alike. */
	public static final int MAX_BODY = 16 * 1024;
	/** The largest body any route takes (a signed-in mailroom clerk's CSV of postal forms). */
	public static final int MAX_DOCUMENT = 8 * 1024 * 1024;
	/** Deeper than any value of the API: a deeper body is refused before it costs anything. */
	public static final int MAX_DEPTH = 32;
	public static final int MAX_TOKENS = 200_000;

	private Json() {
	}

	public static StreamReadConstraints constraints() {
		return StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT).maxNestingDepth(MAX_DEPTH).maxTokenCount(MAX_TOKENS)
				.maxNameLength(256).maxNumberLength(64).maxStringLength(MAX_DOCUMENT).build();
	}

	public static ObjectMapper mapper() {
		JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints()).build();
		return JsonMapper.builder(factory).addModule(new JavaTimeModule()).addModule(new Jdk8Module())
				.disable(MapperFeature.AUTO_DETECT_IS_GETTERS).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
				.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
	}
}
