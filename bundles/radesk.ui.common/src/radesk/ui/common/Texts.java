package radesk.ui.common;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Fills a messages class's {@code public static String} fields from its properties files, in the
 * language of {@link Locale#getDefault()} at the moment the class is first used — the pattern of
 * Eclipse's NLS, whose language is fixed once for the whole platform when the first bundle loads
 * its messages, before RA Desk can apply the language chosen in the preferences.
 */
public final class Texts {

	private Texts() {
	}

	/** The bundles loaded, by holder: the texts whose keys are built at run time are read from them. */
	private static final java.util.Map<Class<?>, ResourceBundle> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

	public static void load(Class<?> holder, String baseName) {
		ResourceBundle bundle;
		try {
			bundle = ResourceBundle.getBundle(baseName, Locale.getDefault(), holder.getClassLoader(),
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		} catch (MissingResourceException e) {
			bundle = null;
		}
		if (bundle != null) {
			LOADED.put(holder, bundle);
		}
		for (Field field : holder.getDeclaredFields()) {
			int m = field.getModifiers();
			if (Modifier.isPublic(m) && Modifier.isStatic(m) && !Modifier.isFinal(m) && field.getType() == String.class) {
				String key = field.getName();
				String text = bundle != null && bundle.containsKey(key) ? bundle.getString(key) : "!" + key + "!";
				try {
					field.set(null, text);
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(holder.getName() + "." + key, e);
				}
			}
		}
	}

	/**
	 * The text of a key built at run time, e.g. {@code state_IN_REVIEW} (one per enum constant, so no
	 * field of its own): the holder's field of that name if it has one, else the holder's properties;
	 * the key itself when missing.
	 */
	public static String lookUp(Class<?> holder, String key) {
		try {
			Object value = holder.getField(key).get(null);
			return value instanceof String s ? s : key;
		} catch (ReflectiveOperationException e) {
			ResourceBundle bundle = LOADED.get(holder);
			return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : key;
		}
	}
}
