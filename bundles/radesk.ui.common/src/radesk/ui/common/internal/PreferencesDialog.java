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

import radesk.ui.common.Language;
import radesk.ui.common.Messages;
import radesk.ui.common.WidgetIds;

/** The preferences a person may set on this workstation. */
public final class PreferencesDialog extends Dialog {

	private static final Language[] ORDER = { Language.SYSTEM, Language.ZH_TW, Language.EN };

	private Language language;
	private Combo combo;

	public PreferencesDialog(Shell parent, Language current) {
		super(parent);
		this.language = current;
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
		return area;
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
		super.okPressed();
	}

	public Language language() {
		return language;
	}
}
