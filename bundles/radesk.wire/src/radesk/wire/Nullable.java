package radesk.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a request the client may leave out or send as null (a filter meaning "all"). Every
 * other field of a request record is required: the server refuses its absence (MISSING_FIELD)
 * before the service is asked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
