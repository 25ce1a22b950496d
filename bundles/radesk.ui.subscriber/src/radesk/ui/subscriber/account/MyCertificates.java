package radesk.ui.subscriber.account;

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

/** The logged-in subscriber's certificates: 憑證識別碼, state, valid until. */
final class MyCertificates {

	private final Table table;

	MyCertificates(Composite parent) {
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION), "account.certificates");
		table.setHeaderVisible(true);
		GridData rows = new GridData(SWT.FILL, SWT.FILL, true, true);
		rows.heightHint = table.getHeaderHeight() + 3 * table.getItemHeight();
		table.setLayoutData(rows);
		for (String title : new String[] { Messages.cert_identifier, Messages.cert_state, Messages.cert_not_after }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
	}

	void show(List<SubscriberRa.Certificate> mine) {
		table.removeAll();
		for (SubscriberRa.Certificate c : mine) {
			new TableItem(table, SWT.NONE).setText(new String[] { c.identifier(), Messages.text("certificate_state_" + c.state()),
					c.notAfter().substring(0, Math.min(10, c.notAfter().length())) });
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
	}

	void clear() {
		table.removeAll();
	}
}
