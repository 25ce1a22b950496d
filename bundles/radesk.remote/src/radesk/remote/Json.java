package radesk.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How the service's values travel between a connected workstation and the RA server: records by
 * their components (a helper such as {@code isOrganization()} is no property), times as ISO-8601
 * text, {@code Optional} as the value or null. Both ends use this one mapper.
 */
public final class Json {

	private Json() {
	}

	public static ObjectMapper mapper() {
		return JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
				.disable(MapperFeature.AUTO_DETECT_IS_GETTERS).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
	}
}
