package radesk.ui.counter.issuance;

import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.slips.Slip;
import radesk.slips.SlipLayout;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** The slip that will print next, drawn as the printer lays it out, its secret masked. */
final class SlipPreview {

	private final Label title;
	private final Canvas canvas;
	private final Supplier<HeldSlips.Held> shown;
	private final java.util.function.Function<HeldSlips.Held, Slip> toSlip;

	SlipPreview(Composite parent, Supplier<HeldSlips.Held> shown, java.util.function.Function<HeldSlips.Held, Slip> toSlip) {
		this.shown = shown;
		this.toSlip = toSlip;
		Composite right = new Composite(parent, SWT.NONE);
		right.setLayout(new GridLayout(1, false));
		right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		title = WidgetIds.name(new Label(right, SWT.WRAP), "issuance.previewTitle");
		GridData titleData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		titleData.widthHint = 300;
		title.setLayoutData(titleData);
		canvas = WidgetIds.name(new Canvas(right, SWT.BORDER | SWT.DOUBLE_BUFFERED), "issuance.preview");
		GridData previewData = new GridData(SWT.CENTER, SWT.TOP, false, true);
		previewData.widthHint = 300;
		previewData.heightHint = (int) (300 * SlipLayout.PAGE_HEIGHT_MM / SlipLayout.PAGE_WIDTH_MM);
		canvas.setLayoutData(previewData);
		canvas.addPaintListener(e -> paint(e.gc));
	}

	/** The applicant chosen changed, or a slip was made or printed. */
	void update() {
		canvas.redraw();
		HeldSlips.Held h = shown.get();
		title.setText(h == null ? Messages.issue_preview_none
				: NLS.bind(Messages.issue_preview_of, h.kind() == SlipKind.CARD_PIN ? Messages.issue_slip_pin : Messages.issue_slip_password));
		title.getParent().layout();
	}

	private void paint(GC gc) {
		Rectangle area = canvas.getClientArea();
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(area);
		HeldSlips.Held h = shown.get();
		if (h != null) {
			SlipPainter.paint(gc, SlipLayout.of(toSlip.apply(h)), area.width / SlipLayout.PAGE_WIDTH_MM, 0, 0,
					canvas.getDisplay().getDPI().y, false);
		}
	}
}
