package radesk.ui.common.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import radesk.client.ServerSettings;
import radesk.ui.common.Language;
import radesk.ui.common.Messages;
import radesk.ui.common.WidgetIds;

/**
 * The preferences a person may set on this workstation: the language; in the subscriber edition
 * the RA server's address and root; at the counter, standalone (the embedded service) or
 * connected to an RA server, with its address and root.
 */
public final class PreferencesDialog extends Dialog {

	private static final Language[] ORDER = { Language.SYSTEM, Language.ZH_TW, Language.EN };

	/** Which edition asks: the subscriber edition always talks to a server; the counter may. */
	public enum Edition {
		SUBSCRIBER, COUNTER
	}

	private Language language;
	private Combo combo;
	private final Edition edition;
	private Combo connection;
	private Text address;
	private Text root;
	private Label problem;
	private String chosenAddress;
	private String chosenRoot;
	private boolean connected;

	public PreferencesDialog(Shell parent, Language current, Edition edition) {
		super(parent);
		this.language = current;
		this.edition = edition;
		this.connected = edition == Edition.COUNTER && ServerSettings.connected();
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.prefs_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		new Label(area, SWT.NONE).setText(Messages.prefs_language);
		combo = WidgetIds.name(new Combo(area, SWT.READ_ONLY), "prefs.language");
		combo.setItems(Messages.prefs_language_system, Messages.prefs_language_zh_tw, Messages.prefs_language_en);
		combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		for (int i = 0; i < ORDER.length; i++) {
			if (ORDER[i] == language) {
				combo.select(i);
			}
		}
		if (edition == Edition.COUNTER) {
			new Label(area, SWT.NONE).setText(Messages.prefs_connection);
			connection = WidgetIds.name(new Combo(area, SWT.READ_ONLY), "prefs.connection");
			connection.setItems(Messages.prefs_connection_standalone, Messages.prefs_connection_server);
			connection.select(connected ? 1 : 0);
			connection.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		}
		new Label(area, SWT.NONE).setText(Messages.prefs_server_address);
		address = WidgetIds.name(new Text(area, SWT.BORDER), "prefs.serverAddress");
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
		wide.widthHint = 360;
		address.setLayoutData(wide);
		address.setText(ServerSettings.savedAddress(edition == Edition.COUNTER));
		new Label(area, SWT.NONE).setText(Messages.prefs_server_root);
		root = WidgetIds.name(new Text(area, SWT.BORDER), "prefs.serverRoot");
		root.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		root.setText(ServerSettings.savedRoot());
		root.setMessage(ServerSettings.rootFile().toString());
		Label hint = new Label(area, SWT.WRAP);
		hint.setText(edition == Edition.COUNTER ? Messages.prefs_connection_hint : Messages.prefs_server_hint);
		GridData hintData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		hintData.widthHint = 480;
		hint.setLayoutData(hintData);
		problem = WidgetIds.name(new Label(area, SWT.WRAP), "prefs.problem");
		problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		// a complaint goes once the field it was about is being put right
		address.addListener(SWT.Modify, e -> problem.setText(""));
		root.addListener(SWT.Modify, e -> problem.setText(""));
		if (connection != null) {
			connection.addListener(SWT.Selection, e -> enableServerFields());
			enableServerFields();
		}
		return area;
	}

	private void enableServerFields() {
		boolean server = connection.getSelectionIndex() == 1;
		address.setEnabled(server);
		root.setEnabled(server);
		problem.setText("");
	}

	/** Our own button labels: JFace's come in English only (its translations are not on Maven Central). */
	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, Messages.button_ok, true), "prefs.ok");
		WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, Messages.button_cancel, false), "prefs.cancel");
	}

	@Override
	protected void okPressed() {
		language = ORDER[Math.max(0, combo.getSelectionIndex())];
		connected = connection != null && connection.getSelectionIndex() == 1;
		if (edition == Edition.SUBSCRIBER || connected) {
			chosenAddress = ServerSettings.normalize(address.getText());
			chosenRoot = root.getText().strip();
			if (chosenAddress == null) {
				problem.setText(Messages.prefs_server_bad_address);
				problem.getParent().layout();
				address.setFocus();
				return;
			}
			if (!chosenRoot.isEmpty() && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(chosenRoot))) {
				problem.setText(Messages.prefs_server_no_root);
				problem.getParent().layout();
				root.setFocus();
				return;
			}
		}
		super.okPressed();
	}

	/** The server address chosen (normalized), or null when no server is used. */
	public String address() {
		return chosenAddress;
	}

	/** The root certificate file chosen; blank for the default. */
	public String root() {
		return chosenRoot;
	}

	/** At the counter: connected mode chosen. */
	public boolean connected() {
		return connected;
	}

	public Language language() {
		return language;
	}
}
