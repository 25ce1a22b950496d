package radesk.ui.subscriber.certificates;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.SubscriberRa;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/** The subscriber's certificates as the server has them: 憑證識別碼, state, card, valid until; the one chosen kept chosen. */
final class IssuedTable {

	final Table table;
	private final List<SubscriberRa.Certificate> shown = new ArrayList<>();

	IssuedTable(Composite parent, Runnable onSelect) {
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "certs.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		for (String title : new String[] { Messages.cert_identifier, Messages.cert_state, Messages.certs_column_card,
				Messages.cert_not_after }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.addListener(SWT.Selection, e -> onSelect.run());
	}

	void show(List<SubscriberRa.Certificate> mine) {
		String selectedSerial = selected() == null ? null : selected().serial();
		shown.clear();
		shown.addAll(mine);
		table.removeAll();
		for (SubscriberRa.Certificate c : mine) {
			new TableItem(table, SWT.NONE).setText(new String[] { c.identifier(), Messages.text("certificate_state_" + c.state()),
					c.cardSerial(), c.notAfter().substring(0, Math.min(10, c.notAfter().length())) });
			if (c.serial().equals(selectedSerial)) {
				table.select(table.getItemCount() - 1);
			}
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
	}

	void clear() {
		shown.clear();
		table.removeAll();
	}

	SubscriberRa.Certificate selected() {
		int i = table.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}
}
