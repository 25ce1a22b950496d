package radesk.ui.common;

import java.util.Locale;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/** The UI language a person chose in the preferences; {@link #SYSTEM} follows the OS locale. */
public enum Language {
	SYSTEM(""), ZH_TW("zh-TW"), EN("en");

	private static final String NODE = "radesk.ui.common";
	private static final String KEY = "language";

	private final String tag;

	Language(String tag) {
		this.tag = tag;
	}

	public Locale locale() {
		return this == SYSTEM ? Locale.getDefault() : Locale.forLanguageTag(tag);
	}

	public static Language chosen() {
		String tag = preferences().get(KEY, "");
		for (Language l : values()) {
			if (l.tag.equals(tag)) {
				return l;
			}
		}
		return SYSTEM;
	}

	public void choose() throws BackingStoreException {
		Preferences node = preferences();
		node.put(KEY, tag);
		node.flush();
	}

	private static Preferences preferences() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}
}
