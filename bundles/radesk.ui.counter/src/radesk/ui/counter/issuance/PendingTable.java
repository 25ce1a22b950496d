package radesk.ui.counter.issuance;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** The applicants waiting for an account, a card, their slips or the hand-over; ID numbers masked. */
final class PendingTable {

	final Table table;
	private List<Issuance> shown = List.of();

	PendingTable(Composite parent, Runnable onSelect) {
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

	/** Shows {@code pending}, the applicant chosen before still chosen (else the first). */
	void show(List<Issuance> pending) {
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
