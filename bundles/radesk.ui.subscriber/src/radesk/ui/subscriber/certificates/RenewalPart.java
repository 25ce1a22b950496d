package radesk.ui.subscriber.certificates;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.CardReaders;
import radesk.api.SubscriberRa;
import radesk.card.CardTerminal;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.core.renewal.RenewalWindow;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;
import radesk.ui.subscriber.remote.SubscriberSession;

/**
 * 憑證展期 (seed 5.3), after logging in (晶片卡登入 or the website password): the certificates on
 * cards, the newest expiry chosen (5.3e), the registration data they carry shown for confirmation,
 * 用戶約定條款 to be accepted, the card and its PIN twice (the new key, then the old key's
 * signature), the flow as an Eclipse Job step by step; 憑證更新完成. Outside the window the
 * words say when it opens, or — after expiry — that only a new registration at the RA remains.
 */
public final class RenewalPart {

	private static final DateTimeFormatter DAY = RenewableTable.DAY;

	private final CardReaders readers;
	private final CardTerminal terminal;
	private SubscriberSession session;

	private Label who;
	private RenewableTable table;
	private Button accept;
	private CardChoice card;
	private Text pin;
	private Text pinAgain;
	private Button renew;
	private ProgressBar progress;
	private Label step;
	private Label outcome;
	private boolean busy;

	@Inject
	public RenewalPart(CardReaders readers, CardTerminal terminal) {
		this.readers = readers;
		this.terminal = terminal;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		who = WidgetIds.name(new Label(parent, SWT.NONE), "renew.who");
		who.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = new RenewableTable(parent, this::enable);

		Text terms = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		terms.setText(Messages.text("renew_terms"));
		GridData termsData = new GridData(SWT.FILL, SWT.TOP, true, false);
		termsData.heightHint = 70;
		terms.setLayoutData(termsData);
		accept = WidgetIds.name(new Button(parent, SWT.CHECK), "renew.accept");
		accept.setText(Messages.text("renew_accept"));
		accept.addListener(SWT.Selection, e -> enable());

		Group doing = new Group(parent, SWT.NONE);
		doing.setText(Messages.text("renew_heading"));
		doing.setLayout(new GridLayout(3, false));
		doing.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(doing, SWT.NONE).setText(Messages.certs_card);
		card = new CardChoice(doing, readers, this::say, "renew.card");
		Button lookAgain = WidgetIds.name(new Button(doing, SWT.PUSH), "renew.lookAgain");
		lookAgain.setText(Messages.certs_look_again);
		lookAgain.addListener(SWT.Selection, e -> card.read(true));
		pin = Forms.labelledText(doing, Messages.text("renew_pin"), "renew.pin", SWT.PASSWORD, 120);
		new Label(doing, SWT.NONE);
		pinAgain = Forms.labelledText(doing, Messages.text("renew_pin_again"), "renew.pinAgain", SWT.PASSWORD, 120);
		new Label(doing, SWT.NONE);
		renew = WidgetIds.name(new Button(doing, SWT.PUSH), "renew.submit");
		renew.setText(Messages.text("renew_submit"));
		renew.addListener(SWT.Selection, e -> renew());
		progress = WidgetIds.name(new ProgressBar(doing, SWT.HORIZONTAL | SWT.SMOOTH), "renew.progress");
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		new Label(doing, SWT.NONE);
		step = WidgetIds.name(new Label(doing, SWT.NONE), "renew.step");
		step.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "renew.outcome");
		GridData outcomeData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		outcomeData.widthHint = 640;
		outcome.setLayoutData(outcomeData);
		card.read(false);
		showSession();
	}

	@Inject
	void loggedIn(@Optional SubscriberSession session) {
		this.session = session;
		if (who != null && !who.isDisposed()) {
			showSession();
		}
	}

	@Focus
	void focus() {
		table.table.setFocus();
		card.read(false);
		if (session != null && !busy) {
			refresh();
		}
	}

	private void showSession() {
		who.setText(session == null ? Messages.certs_not_logged_in : NLS.bind(Messages.account_logged_in, session.account()));
		if (session == null) {
			table.clear();
		} else {
			refresh();
		}
		enable();
	}

	private void enable() {
		renew.setEnabled(session != null && !busy && accept.getSelection() && selected() != null);
	}

	private SubscriberRa.Certificate selected() {
		return table.selected();
	}

	/** The certificates on cards, newest expiry first and chosen (read in a Job: it asks the server). */
	private void refresh() {
		radesk.client.RaClient client = session.client();
		Background.of(table.table, Messages.certs_job_list).in(reads).onFailure(e -> say(Messages.refusal("INTERNAL", -1)))
				.run(() -> new Renewable(client.certificates().stream().filter(c -> c.state() == CertificateState.ON_CARD)
						.sorted(java.util.Comparator.comparing(SubscriberRa.Certificate::notAfter).reversed()).toList(), client.email().email()),
						read -> table.show(read.onCards(), read.email()), (Exception e) -> say(Messages.notDone(e)));
	}

	/** What the list shows: the certificates on cards and the address on record. */
	private record Renewable(List<SubscriberRa.Certificate> onCards, String email) {
	}

	/** The list is read at each log-in and after each renewal: only the newest read is shown. */
	private final Background.Lane reads = new Background.Lane();

	private void renew() {
		SubscriberRa.Certificate old = selected();
		String serial = card.chosen();
		if (session == null || busy || old == null || !accept.getSelection()) {
			return;
		}
		if (serial == null) {
			say(Messages.certs_CARD_REMOVED);
			card.read(false);
			return;
		}
		char[] first = pin.getText().toCharArray();
		char[] second = pinAgain.getText().toCharArray();
		pin.setText("");
		pinAgain.setText("");
		java.time.Instant opens;
		try {
			opens = RenewalWindow.forCertificateEnding(old.x509().getNotAfter().toInstant()).opens();
		} catch (java.security.cert.CertificateException e) {
			opens = null;
		}
		java.time.Instant windowOpens = opens;
		SubscriberRa ra = session.client();
		busy = true;
		enable();
		progress.setSelection(0);
		say("");
		String title = Messages.text("renew_heading");
		CardJob.start(title, progress, step, steps -> {
			try {
				radesk.flows.RenewCertificate.Outcome done = new radesk.flows.RenewCertificate(ra, terminal).run(serial, old.serial(), first,
						second, old.x509().getPublicKey().getAlgorithm().equals("RSA") ? KeyKind.RSA_2048 : KeyKind.EC_P256, steps);
				return NLS.bind(Messages.text("renew_done"), done.certificate().identifier());
			} finally {
				Arrays.fill(first, '\0');
				Arrays.fill(second, '\0');
			}
		}, e -> e.code.equals("RENEWAL_NOT_OPEN") && windowOpens != null ? NLS.bind(Messages.text("renew_not_open"), DAY.format(windowOpens))
				: e.code.equals("CERTIFICATE_EXPIRED") ? Messages.text("renew_expired") : Messages.refusal(e.code, e.triesLeft),
				this::finished);
	}

	private void finished(String text, boolean done) {
		if (table.table.isDisposed()) {
			return;
		}
		busy = false;
		progress.setSelection(done ? progress.getMaximum() : 0);
		step.setText(done ? Messages.certs_step_done : "");
		if (done) {
			accept.setSelection(false);
		}
		say(text);
		card.read(false);
		refresh();
	}

	private void say(String text) {
		if (!outcome.isDisposed()) {
			outcome.setText(text);
			outcome.getParent().layout();
		}
	}
}
