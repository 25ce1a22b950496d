package radesk.ui.common.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import radesk.ui.common.Language;
import radesk.ui.common.Messages;
import radesk.client.ServerSettings;
import radesk.ui.common.WidgetIds;
import radesk.ui.common.internal.PreferencesDialog;

/** 設定 / Preferences: the UI language, applied on restart; in the subscriber edition also the RA server. */
public final class PreferencesHandler {

	@Execute
	void execute(@Named("activeShell") Shell shell, IWorkbench workbench, MApplication application) throws Exception {
		Language before = Language.chosen();
		PreferencesDialog.Edition edition = application.getTags().contains(ServerSettings.TAG) ? PreferencesDialog.Edition.SUBSCRIBER
				: PreferencesDialog.Edition.COUNTER;
		boolean connectedBefore = edition == PreferencesDialog.Edition.COUNTER && ServerSettings.connected();
		PreferencesDialog dialog = new PreferencesDialog(shell, before, edition);
		if (dialog.open() != Window.OK) {
			return;
		}
		if (dialog.address() != null) {
			// the subscriber edition's next connection uses them at once
			ServerSettings.save(dialog.address(), dialog.root());
		}
		boolean modeChanged = edition == PreferencesDialog.Edition.COUNTER && dialog.connected() != connectedBefore;
		if (modeChanged) {
			ServerSettings.saveConnected(dialog.connected());
		}
		if (dialog.language() == before && !modeChanged) {
			return;
		}
		if (dialog.language() != before) {
			dialog.language().choose();
		}
		MessageDialog question = new MessageDialog(shell, Messages.prefs_restart_title, null,
				modeChanged ? Messages.prefs_restart_connection : Messages.prefs_restart_message, MessageDialog.QUESTION, 1,
				Messages.button_restart_now, Messages.button_restart_later);
		question.create();
		WidgetIds.name(question.getShell(), "prefs.restartQuestion");
		if (question.open() == 0) {
			workbench.restart();
		}
	}
}
