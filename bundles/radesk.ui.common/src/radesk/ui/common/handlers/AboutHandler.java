package radesk.ui.common.handlers;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import radesk.ui.common.Messages;

/** 關於 / About: the product, its version and the crypto engine it signs and verifies with. */
public final class AboutHandler {

	@Execute
	void execute(@Named("activeShell") Shell shell, MWindow window) {
		String version = Platform.getBundle("radesk.ui.common").getVersion().toString();
		new MessageDialog(shell, Messages.about_title, null,
				NLS.bind(Messages.about_text, new Object[] { window.getLocalizedLabel(), version, radesk.core.CryptoEngine.describe() }), MessageDialog.INFORMATION, 0,
				Messages.button_ok).open();
	}
}
