package radesk.ui.common;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
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

	/**
	 * A column (one-column grid) that fills its cell and scrolls vertically when the window is
	 * shorter than what it holds (a counter laptop's 768 pixels), with room for a few more lines of
	 * outcome text than it shows at first, so that nothing is ever squeezed out of sight.
	 */
	public static Composite scrolling(Composite parent) {
		ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
		scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		Composite column = new Composite(scroll, SWT.NONE);
		column.setLayout(new GridLayout(1, false));
		scroll.setContent(column);
		scroll.addListener(SWT.Resize, e -> {
			GC gc = new GC(column);
			int line = gc.getFontMetrics().getHeight();
			gc.dispose();
			int width = scroll.getClientArea().width;
			scroll.setMinSize(width, column.computeSize(width, SWT.DEFAULT).y + 4 * line);
		});
		return column;
	}

	/** Scrolls whatever scrolled area holds {@code control} so that it is in sight (an outcome just said). */
	public static void reveal(org.eclipse.swt.widgets.Control control) {
		for (Composite c = control.getParent(); c != null; c = c.getParent()) {
			if (c instanceof ScrolledComposite scroll) {
				scroll.showControl(control);
			}
		}
	}
}
