package radesk.ui.counter;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import jakarta.inject.Inject;
import radesk.core.access.Actor;
import radesk.ui.common.WidgetIds;

/**
 * A counter screen that works for whoever is signed in at this workstation: 切換使用者 puts
 * another {@link Actor} in the context and the screen reads its lists again for that person.
 */
public abstract class StaffScreen {

	/** Whoever is signed in now; the service checks what this person may do. */
	protected Actor actor;

	@Inject
	void signedIn(@Optional Actor signedIn) {
		this.actor = signedIn;
		Control shown = shown();
		if (shown != null && !shown.isDisposed()) {
			refresh();
		}
	}

	/** A control that exists once the screen is built (null before). */
	protected abstract Control shown();

	/** Reads the screen's lists again, for the person now signed in. */
	protected abstract void refresh();

	protected static Button button(Composite parent, String id, String text) {
		Button b = WidgetIds.name(new Button(parent, SWT.PUSH), id);
		b.setText(text);
		return b;
	}
}
