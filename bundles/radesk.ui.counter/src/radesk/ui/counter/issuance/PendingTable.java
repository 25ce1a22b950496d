package radesk.ui.counter.issuance;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.staff.CounterIntake;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.core.access.Actor;
import radesk.core.registration.RaUnit;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** The applicants waiting for an account, a card, their slips or the hand-over; ID numbers masked. */
final class PendingTable {

	final Table table;
	private final IssuanceDesk issuance;
	private final CounterIntake intake;
	/** The list is read again at each step: only the newest read is shown. */
	private final Background.Lane reads = new Background.Lane();
	private List<Issuance> shown = List.of();
	/** The RA units as of the last read: the slips name the applicant's unit (read once, not at every repaint). */
	private List<RaUnit> units = List.of();

	PendingTable(Composite parent, Runnable onSelect, IssuanceDesk issuance, CounterIntake intake) {
		this.issuance = issuance;
		this.intake = intake;
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "issuance.table");
		table.setHeaderVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
		tableData.heightHint = 160;
		table.setLayoutData(tableData);
		for (String title : new String[] { Messages.column_id, Messages.column_name, Messages.column_nationalId,
				Messages.column_state, Messages.issue_column_account, Messages.issue_column_card, Messages.issue_column_slips }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.addListener(SWT.Selection, e -> onSelect.run());
	}

	/**
	 * Reads the applicants waiting for {@code who} (and the RA units) in a Job, {@code busy} off meanwhile;
	 * {@code then} hears on the UI thread, once they are shown, with the refusal's words or null.
	 */
	void read(Actor who, Control busy, Consumer<String> then) {
		Background.of(table, Messages.text("job_pending")).in(reads).disabling(busy).run(
				() -> new Pending(who == null ? List.of() : issuance.pending(who), intake.raUnits()), p -> {
					units = p.units();
					show(p.issuances());
					then.accept(null);
				}, e -> {
					show(List.of());
					then.accept(Messages.refusal(e));
				});
	}

	/** What {@link #read} reads. */
	private record Pending(List<Issuance> issuances, List<RaUnit> units) {
	}

	List<RaUnit> units() {
		return units;
	}

	/** Shows {@code pending}, the applicant chosen before still chosen (else the first). */
	private void show(List<Issuance> pending) {
		Issuance before = selected();
		shown = pending;
		table.removeAll();
		for (Issuance i : shown) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Long.toString(i.request().id()), i.request().applicantName(), i.request().maskedNationalId(),
					Messages.text("state_" + i.request().state()), i.account() == null ? "" : i.account(),
					i.cardSerial() == null ? "" : i.cardSerial() + " (" + Messages.text("card_state_" + i.cardState()) + ")",
					slips(i) });
			if (before != null && i.request().id() == before.request().id()) {
				table.setSelection(item);
			}
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
		if (table.getSelectionIndex() < 0 && !shown.isEmpty()) {
			table.setSelection(0);
		}
	}

	Issuance selected() {
		int i = table.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}

	private static String slips(Issuance i) {
		StringBuilder s = new StringBuilder();
		if (i.passwordSlipPrinted()) {
			s.append(Messages.issue_slip_password_done);
		}
		if (i.pinSlipPrinted()) {
			s.append(s.length() == 0 ? "" : ", ").append(Messages.issue_slip_pin_done);
		}
		return s.toString();
	}
}
