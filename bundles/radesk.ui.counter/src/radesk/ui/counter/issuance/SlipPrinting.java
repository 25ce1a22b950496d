package radesk.ui.counter.issuance;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.printing.PrintDialog;
import org.eclipse.swt.printing.Printer;
import org.eclipse.swt.printing.PrinterData;
import org.eclipse.swt.widgets.Shell;

import radesk.slips.Slip;
import radesk.slips.SlipLayout;

/** A slip on paper through the system print dialog; the caller records the print and wipes the secret. */
public final class SlipPrinting {

	/** What became of a print. */
	public enum Outcome {
		PRINTED, CANCELLED, FAILED
	}

	private SlipPrinting() {
	}

	public static Outcome print(Shell shell, String title, Slip slip) {
		PrintDialog dialog = new PrintDialog(shell, SWT.NONE);
		dialog.setText(title);
		// the system's default printer, else the first one there is, comes chosen
		PrinterData chosen = Printer.getDefaultPrinterData();
		if (chosen == null && Printer.getPrinterList().length > 0) {
			chosen = Printer.getPrinterList()[0];
		}
		if (chosen != null) {
			dialog.setPrinterData(chosen);
		}
		PrinterData target = dialog.open();
		if (target == null) {
			return Outcome.CANCELLED;
		}
		Printer printer = new Printer(target);
		try {
			if (!printer.startJob("RA Desk " + slip.kind())) {
				return Outcome.FAILED;
			}
			printer.startPage();
			GC gc = new GC(printer);
			try {
				Point dpi = printer.getDPI();
				Rectangle trim = printer.computeTrim(0, 0, 0, 0);
				SlipPainter.paint(gc, SlipLayout.of(slip), dpi.x / 25.4, trim.x, trim.y, dpi.y, true);
			} finally {
				gc.dispose();
			}
			printer.endPage();
			printer.endJob();
			return Outcome.PRINTED;
		} finally {
			printer.dispose();
		}
	}
}
