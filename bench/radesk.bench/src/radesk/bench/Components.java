package radesk.bench;

import java.lang.reflect.Constructor;

/**
 * Builds the RA's DS components by hand on a plain class path, through the constructor that DS
 * calls with their references (the components' classes are internal, hence reflection).
 */
final class Components {

	private Components() {
	}

	static Object make(String className, Object... references) throws Exception {
		for (Constructor<?> c : Class.forName(className).getConstructors()) {
			if (c.getParameterCount() == references.length) {
				return c.newInstance(references);
			}
		}
		throw new IllegalStateException(className + " has no constructor for " + references.length + " references");
	}
}
