package radesk.ui.common.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import radesk.ui.common.Language;
import radesk.ui.common.Messages;
import radesk.ui.common.internal.PreferencesDialog;

/** 設定 / Preferences: the UI language, applied on restart. */
public final class PreferencesHandler {

	@Execute
	void execute(@Named("activeShell") Shell shell, IWorkbench workbench) throws Exception {
		Language before = Language.chosen();
		PreferencesDialog dialog = new PreferencesDialog(shell, before);
		if (dialog.open() != Window.OK || dialog.language() == before) {
			return;
		}
		dialog.language().choose();
		if (MessageDialog.openQuestion(shell, Messages.prefs_restart_title, Messages.prefs_restart_message)) {
			workbench.restart();
		}
	}
}
