package radesk.ui.counter.update;

import java.net.URI;
import java.net.URISyntaxException;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.ui.counter.Messages;

/**
 * 檔案 → 檢查更新: the workstation updates itself from the operator's update site ({@code -Dradesk.update.site})
 * and restarts into the new version (radesk-counter.sh starts it again on exit code 23).
 */
public final class CheckForUpdatesHandler {

	/**
	 * Only the administrator, signed in. p2 changes this workstation's own installation, not the RA's records, so
	 * no RA service call is made and the service's role checks cannot guard it: this menu item is the guard. Before
	 * anyone signs in the sign-in dialog is modal, so an update is always someone's act.
	 */
	@CanExecute
	boolean canExecute(@Optional Actor actor) {
		return actor != null && actor.role() == Role.ADMINISTRATOR;
	}

	@Execute
	void execute(@Named("activeShell") Shell shell, IWorkbench workbench) {
		URI site;
		try {
			site = SiteUpdate.configuredSite();
		} catch (URISyntaxException e) {
			tell(shell, MessageDialog.ERROR, NLS.bind(
					e instanceof SiteUpdate.InsecureSite ? Messages.update_site_insecure : Messages.update_site_invalid, e.getInput()));
			return;
		}
		if (site == null) {
			tell(shell, MessageDialog.INFORMATION, NLS.bind(Messages.update_no_site, SiteUpdate.SITE));
			return;
		}
		if (new UpdateDialog(shell, site).open() == Window.OK) {
			workbench.restart(); // the new bundles.info is read at the next start
		}
	}

	/** A message box with its button in the user's language (JFace's own says "OK" whatever the language). */
	private static void tell(Shell shell, int kind, String text) {
		new MessageDialog(shell, Messages.update_title, null, text, kind, 0, radesk.ui.common.Messages.button_ok).open();
	}
}
