package radesk.ui.subscriber.certificates;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.SubscriberRa;
import radesk.core.renewal.RenewalWindow;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/**
 * 憑證展期's list: the subscriber's certificates on cards, newest expiry first and chosen (seed 5.3e),
 * when each one's renewal opens, and the registration data the chosen one carries (name, RA unit)
 * with the e-mail address on record, for the subscriber to confirm before renewing.
 */
final class RenewableTable {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(RenewalWindow.TAIPEI);

	final Table table;
	private final Label data;
	private final Runnable changed;
	private List<SubscriberRa.Certificate> shown = List.of();
	private String email = "";

	RenewableTable(Composite parent, Runnable changed) {
		this.changed = changed;
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "renew.table");
		table.setHeaderVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 110;
		table.setLayoutData(tableData);
		for (String title : new String[] { Messages.text("renew_column_identifier"), Messages.text("renew_column_card"),
				Messages.text("renew_column_until"), Messages.text("renew_column_window") }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(title);
			c.setWidth(170);
		}
		table.addListener(SWT.Selection, e -> chosen());
		data = WidgetIds.name(new Label(parent, SWT.WRAP), "renew.data");
		GridData dataData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		dataData.widthHint = 640;
		data.setLayoutData(dataData);
	}

	SubscriberRa.Certificate selected() {
		int i = table.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}

	void clear() {
		table.removeAll();
		shown = List.of();
		data.setText("");
	}

	void show(List<SubscriberRa.Certificate> onCards, String address) {
		if (table.isDisposed()) {
			return;
		}
		shown = onCards;
		email = address;
		table.removeAll();
		for (SubscriberRa.Certificate c : onCards) {
			String window;
			try {
				window = NLS.bind(Messages.text("renew_window_from"),
						DAY.format(RenewalWindow.forCertificateEnding(c.x509().getNotAfter().toInstant()).opens()));
			} catch (java.security.cert.CertificateException e) {
				window = "";
			}
			String until;
			try {
				until = DAY.format(java.time.Instant.parse(c.notAfter()));
			} catch (java.time.format.DateTimeParseException e) {
				until = c.notAfter();
			}
			new TableItem(table, SWT.NONE).setText(new String[] { c.identifier(), c.cardSerial(), until, window });
		}
		if (!onCards.isEmpty()) {
			table.select(0);
		}
		chosen();
	}

	private void chosen() {
		SubscriberRa.Certificate c = selected();
		if (c == null) {
			data.setText(Messages.text("renew_none"));
		} else {
			try {
				javax.security.auth.x500.X500Principal subject = c.x509().getSubjectX500Principal();
				data.setText(NLS.bind(Messages.text("renew_data"), new Object[] { part(subject, "CN"), part(subject, "OU"), email }));
			} catch (java.security.cert.CertificateException e) {
				data.setText("");
			}
		}
		data.getParent().layout();
		changed.run();
	}

	private static String part(javax.security.auth.x500.X500Principal subject, String type) {
		try {
			for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(subject.getName(javax.security.auth.x500.X500Principal.RFC2253))
					.getRdns()) {
				if (rdn.getType().equalsIgnoreCase(type)) {
					return String.valueOf(rdn.getValue());
				}
			}
		} catch (javax.naming.InvalidNameException e) {
			// shown empty
		}
		return "";
	}
}
