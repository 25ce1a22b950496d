package radesk.card.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets a variable in this process's own environment, where a native module reads it (SoftHSM2
 * reads SOFTHSM2_CONF when it initializes). Java offers no way to do this itself.
 */
final class Environment {

	private interface CLibrary extends Library {
		int setenv(String name, String value, int overwrite);
	}

	private interface MsvcRuntime extends Library {
		int _putenv_s(String name, String value);
	}

	private Environment() {
	}

	static void setIfAbsent(String name, String value) {
		if (System.getenv(name) != null) {
			return;
		}
		if (Platform.isWindows()) {
			Native.load("msvcrt", MsvcRuntime.class)._putenv_s(name, value);
		} else {
			Native.load("c", CLibrary.class).setenv(name, value, 0);
		}
	}
}
