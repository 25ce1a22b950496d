package radesk.ui.subscriber.account;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.card.CardTerminal;
import radesk.core.certificate.NewestFirst;
import radesk.flows.SubscriberCard;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/**
 * 晶片卡登入's fields: the certificate's 憑證識別碼 and RA unit, the PIN, and the certificates on the
 * cards in the readers (public: no PIN needed), newest expiry first and that one chosen
 * (FLOWS 5.3e); the subscriber may choose another.
 */
final class CardLogInGroup {

	/** A certificate on a card in one of the readers. */
	record OnCard(String card, X509Certificate certificate) {
	}

	private final CardReaders readers;
	private final CardTerminal terminal;
	final Text identifier;
	final Text raUnit;
	final Text pin;
	final Button submit;
	private final Table onCard;
	private final List<OnCard> shown = new ArrayList<>();

	CardLogInGroup(Composite parent, CardReaders readers, CardTerminal terminal, Runnable onSubmit) {
		this.readers = readers;
		this.terminal = terminal;
		Group byCard = new Group(parent, SWT.NONE);
		byCard.setText(Messages.card_login_heading);
		byCard.setLayout(new GridLayout(2, false));
		byCard.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		identifier = Forms.labelledText(byCard, Messages.card_login_identifier, "cardlogin.identifier", SWT.NONE, 200);
		raUnit = Forms.labelledText(byCard, Messages.card_login_unit, "cardlogin.raUnit", SWT.NONE, 120);
		raUnit.setText("HQ");
		pin = Forms.labelledText(byCard, Messages.card_login_pin, "cardlogin.pin", SWT.PASSWORD, 120);
		Label hint = new Label(byCard, SWT.WRAP);
		hint.setText(Messages.card_login_hint);
		GridData hintData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		hintData.widthHint = 300;
		hint.setLayoutData(hintData);
		Label onCardLabel = new Label(byCard, SWT.WRAP);
		onCardLabel.setText(Messages.card_login_certificates);
		onCardLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		onCard = WidgetIds.name(new Table(byCard, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "cardlogin.certificates");
		onCard.setHeaderVisible(true);
		GridData onCardData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
		onCardData.heightHint = 70;
		onCard.setLayoutData(onCardData);
		for (String title : new String[] { Messages.card_login_subject, Messages.card_login_card, Messages.card_login_serial,
				Messages.cert_not_after }) {
			new TableColumn(onCard, SWT.LEFT).setText(title);
		}
		Button readCard = WidgetIds.name(new Button(byCard, SWT.PUSH), "cardlogin.readCard");
		readCard.setText(Messages.card_login_read);
		readCard.addListener(SWT.Selection, e -> readCards());
		submit = WidgetIds.name(new Button(byCard, SWT.PUSH), "cardlogin.submit");
		submit.setText(Messages.card_login_submit);
		submit.addListener(SWT.Selection, e -> onSubmit.run());
	}

	/** Reads the certificates on the cards in a Job: the card layer is never asked on the UI thread. */
	void readCards() {
		Job.create(Messages.card_login_read, monitor -> {
			List<OnCard> found = new ArrayList<>();
			try {
				for (String card : SubscriberCard.inReaders(readers)) {
					for (X509Certificate c : terminal.certificates(card)) {
						found.add(new OnCard(card, c));
					}
				}
			} catch (CardAccessException e) {
				// nothing to choose from: the log-in itself says what is wrong with the card
			}
			Comparator<X509Certificate> newest = NewestFirst.certificates();
			found.sort((a, b) -> newest.compare(a.certificate(), b.certificate()));
			onCard.getDisplay().asyncExec(() -> show(found));
			return Status.OK_STATUS;
		}).schedule();
	}

	private void show(List<OnCard> found) {
		if (onCard.isDisposed()) {
			return;
		}
		shown.clear();
		shown.addAll(found);
		onCard.removeAll();
		java.text.SimpleDateFormat day = new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm");
		for (OnCard c : shown) {
			String subject = c.certificate().getSubjectX500Principal().getName().replaceAll("^.*?CN=([^,]+).*$", "$1");
			new TableItem(onCard, SWT.NONE).setText(new String[] { subject, c.card(), c.certificate().getSerialNumber().toString(16),
					day.format(c.certificate().getNotAfter()) });
		}
		if (!shown.isEmpty()) {
			onCard.select(0);
		}
		for (TableColumn c : onCard.getColumns()) {
			c.pack();
		}
	}

	/** The card of the certificate chosen, or null (none read: the flow takes the first card in a reader). */
	String chosenCard() {
		OnCard c = chosen();
		return c == null ? null : c.card();
	}

	/** The certificate chosen, or null (the card's newest expiry). */
	BigInteger chosenSerial() {
		OnCard c = chosen();
		return c == null ? null : c.certificate().getSerialNumber();
	}

	private OnCard chosen() {
		int i = onCard.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}
}
