package radesk.ui.common;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The labelled single-line input every form here is made of. */
public final class Forms {

	private Forms() {
	}

	/** A label and, beside it, a text field named {@code id} for the UI tests; {@code style} adds e.g. SWT.PASSWORD. */
	public static Text labelledText(Composite form, String label, String id, int style, int widthHint) {
		new Label(form, SWT.NONE).setText(label);
		Text text = WidgetIds.name(new Text(form, SWT.BORDER | SWT.SINGLE | style), id);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = widthHint;
		text.setLayoutData(data);
		return text;
	}
}
