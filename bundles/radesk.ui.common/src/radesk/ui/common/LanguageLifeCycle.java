package radesk.ui.common;

import java.util.Locale;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;

/**
 * Applies the chosen UI language before the first window is built (the products name this class
 * as their {@code lifeCycleURI}), so model labels, NLS texts and dialogs all use it; and sends the
 * shared bundles' log into the workspace log ({@link WorkbenchLog}).
 */
public final class LanguageLifeCycle {

	@PostContextCreate
	void postContextCreate(IEclipseContext context) {
		apply(context);
	}

	/** For products whose own life cycle does more at start (the counter's sign-in). */
	public static void apply(IEclipseContext context) {
		WorkbenchLog.install();
		Language chosen = Language.chosen();
		if (chosen == Language.SYSTEM) {
			return;
		}
		Locale locale = chosen.locale();
		Locale.setDefault(locale);
		context.set(TranslationService.LOCALE, locale);
	}
}
