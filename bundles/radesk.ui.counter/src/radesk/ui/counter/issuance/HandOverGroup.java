package radesk.ui.counter.issuance;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** 交付: at the counter or by mail (with its tracking number), to whom, and whether a card reader was sold with it. */
final class HandOverGroup {

	private final Button byCounter;
	private final Button byMail;
	private final Text recipient;
	private final Text tracking;
	private final Button readerSold;
	final Button handOver;

	HandOverGroup(Composite parent, Runnable onHandOver) {
		Group hand = new Group(parent, SWT.NONE);
		hand.setText(Messages.issue_hand_over_group);
		hand.setLayout(new GridLayout(4, false));
		hand.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		byCounter = WidgetIds.name(new Button(hand, SWT.RADIO), "issuance.method.counter");
		byCounter.setText(Messages.issue_method_counter);
		byCounter.setSelection(true);
		byMail = WidgetIds.name(new Button(hand, SWT.RADIO), "issuance.method.mail");
		byMail.setText(Messages.issue_method_mail);
		readerSold = WidgetIds.name(new Button(hand, SWT.CHECK), "issuance.readerSold");
		readerSold.setText(Messages.issue_reader_sold);
		readerSold.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		new Label(hand, SWT.NONE).setText(Messages.issue_recipient);
		recipient = WidgetIds.name(new Text(hand, SWT.BORDER), "issuance.recipient");
		recipient.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(hand, SWT.NONE).setText(Messages.issue_tracking);
		tracking = WidgetIds.name(new Text(hand, SWT.BORDER), "issuance.tracking");
		tracking.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		handOver = WidgetIds.name(new Button(hand, SWT.PUSH), "issuance.handOver");
		handOver.setText(Messages.issue_hand_over);
		handOver.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 4, 1));
		handOver.addListener(SWT.Selection, e -> onHandOver.run());
		byMail.addListener(SWT.Selection, e -> tracking.setEnabled(byMail.getSelection()));
		byCounter.addListener(SWT.Selection, e -> tracking.setEnabled(byMail.getSelection()));
		tracking.setEnabled(false);
	}

	/** The applicant {@code requestId} is chosen: the recipient is the applicant until the clerk types another. */
	void chosen(long requestId, String applicant) {
		if (!Long.valueOf(requestId).equals(recipient.getData("for"))) {
			recipient.setText(applicant);
			recipient.setData("for", requestId);
		}
	}

	Delivery delivery() {
		boolean mail = byMail.getSelection();
		return new Delivery(mail ? Delivery.Method.MAIL : Delivery.Method.COUNTER, recipient.getText(), mail ? tracking.getText() : "",
				readerSold.getSelection());
	}

	/** Handed over: ready for the next one. */
	void done() {
		tracking.setText("");
		readerSold.setSelection(false);
	}
}
