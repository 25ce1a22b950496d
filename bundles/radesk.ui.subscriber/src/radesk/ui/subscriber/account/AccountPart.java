package radesk.ui.subscriber.account;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
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

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;
import radesk.client.RaClient;
import radesk.ui.subscriber.remote.SubscriberSession;

/**
 * 網站登入 and what follows it: account + website password + 驗證碼 against the RA server; once
 * logged in, the subscriber's certificates and 網站密碼修改 (old, new, confirm; "密碼更改成功").
 */
public final class AccountPart {

	private final radesk.api.CardReaders readers;
	private final radesk.card.CardTerminal terminal;
	private final org.eclipse.e4.ui.model.application.MApplication application;

	@jakarta.inject.Inject
	public AccountPart(radesk.api.CardReaders readers, radesk.card.CardTerminal terminal,
			org.eclipse.e4.ui.model.application.MApplication application) {
		this.readers = readers;
		this.terminal = terminal;
		this.application = application;
	}

	private Text identifier;
	private Text raUnit;
	private Text pin;
	private Button cardLogIn;
	/** The certificates on the card in the reader, newest expiry first; the chosen one signs. */
	private Table onCard;
	private final List<OnCard> cardCertificates = new java.util.ArrayList<>();

	/** A certificate on a card in one of the readers. */
	private record OnCard(String card, java.security.cert.X509Certificate certificate) {
	}

	private RaClient client;
	private RaClient.Captcha captcha;
	private Image captchaImage;
	private Label captchaLabel;
	private Text account;
	private Text password;
	private Text captchaAnswer;
	private Button logIn;
	private Label outcome;
	private Label who;
	private Button logOut;
	private Table certificates;
	private Text oldPassword;
	private Text newPassword;
	private Text confirm;
	private Label passwordOutcome;

	private Composite root;

	@PostConstruct
	void create(Composite parent) {
		root = parent;
		parent.setLayout(new GridLayout(2, false));
		// left: the two ways to log in, one above the other; right: what a logged-in subscriber sees
		Composite left = new Composite(parent, SWT.NONE);
		left.setLayout(new GridLayout(1, false));
		left.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		Group login = new Group(left, SWT.NONE);
		login.setText(Messages.login_heading);
		login.setLayout(new GridLayout(3, false));
		login.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		account = Forms.labelledText(login, Messages.login_account, "login.account", SWT.NONE, 200);
		new Label(login, SWT.NONE);
		password = Forms.labelledText(login, Messages.login_password, "login.password", SWT.PASSWORD, 200);
		new Label(login, SWT.NONE);
		new Label(login, SWT.NONE).setText(Messages.login_captcha);
		captchaLabel = WidgetIds.name(new Label(login, SWT.BORDER), "login.captchaImage");
		Button again = WidgetIds.name(new Button(login, SWT.PUSH), "login.newCaptcha");
		again.setText(Messages.login_new_captcha);
		again.addListener(SWT.Selection, e -> newCaptcha());
		captchaAnswer = Forms.labelledText(login, Messages.login_captcha_answer, "login.captcha", SWT.NONE, 120);
		new Label(login, SWT.NONE);
		logIn = WidgetIds.name(new Button(login, SWT.PUSH), "login.submit");
		logIn.setText(Messages.login_submit);
		logIn.addListener(SWT.Selection, e -> logIn());
		outcome = WidgetIds.name(new Label(login, SWT.WRAP), "login.outcome");
		GridData outcomeData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		outcomeData.widthHint = 320;
		outcome.setLayoutData(outcomeData);

		Group byCard = new Group(left, SWT.NONE);
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
		readCard.addListener(SWT.Selection, e -> readCardCertificates());
		cardLogIn = WidgetIds.name(new Button(byCard, SWT.PUSH), "cardlogin.submit");
		cardLogIn.setText(Messages.card_login_submit);
		cardLogIn.addListener(SWT.Selection, e -> logInWithCard());

		Composite right = new Composite(parent, SWT.NONE);
		right.setLayout(new GridLayout(1, false));
		right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite whoRow = new Composite(right, SWT.NONE);
		whoRow.setLayout(new GridLayout(2, false));
		whoRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		who = WidgetIds.name(new Label(whoRow, SWT.NONE), "account.who");
		who.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		who.setText(Messages.account_not_logged_in);
		logOut = WidgetIds.name(new Button(whoRow, SWT.PUSH), "account.logOut");
		logOut.setText(Messages.account_log_out);
		logOut.setEnabled(false);
		logOut.addListener(SWT.Selection, e -> logOut());
		certificates = WidgetIds.name(new Table(right, SWT.BORDER | SWT.FULL_SELECTION), "account.certificates");
		certificates.setHeaderVisible(true);
		certificates.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (String title : new String[] { Messages.cert_identifier, Messages.cert_state, Messages.cert_not_after }) {
			new TableColumn(certificates, SWT.LEFT).setText(title);
		}
		Group change = new Group(right, SWT.NONE);
		change.setText(Messages.password_heading);
		change.setLayout(new GridLayout(2, false));
		change.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		oldPassword = Forms.labelledText(change, Messages.password_old, "password.old", SWT.PASSWORD, 200);
		newPassword = Forms.labelledText(change, Messages.password_new, "password.new", SWT.PASSWORD, 200);
		confirm = Forms.labelledText(change, Messages.password_confirm, "password.confirm", SWT.PASSWORD, 200);
		Label policy = new Label(change, SWT.WRAP);
		policy.setText(Messages.password_policy);
		GridData policyData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		policyData.widthHint = 360;
		policy.setLayoutData(policyData);
		Button changeButton = WidgetIds.name(new Button(change, SWT.PUSH), "password.submit");
		changeButton.setText(Messages.password_submit);
		changeButton.addListener(SWT.Selection, e -> changePassword());
		passwordOutcome = WidgetIds.name(new Label(change, SWT.WRAP), "password.outcome");
		passwordOutcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		newCaptcha();
		readCardCertificates();
	}

	/**
	 * The certificates on the card in the reader (public: no PIN needed), newest expiry first and
	 * that one chosen (FLOWS 5.3e); the subscriber may choose another. Read in the background:
	 * the card layer is never asked on the UI thread.
	 */
	private void readCardCertificates() {
		Job.create(Messages.card_login_read, monitor -> {
			List<OnCard> found = new java.util.ArrayList<>();
			try {
				for (String card : radesk.flows.SubscriberCard.inReaders(readers)) {
					for (java.security.cert.X509Certificate c : terminal.certificates(card)) {
						found.add(new OnCard(card, c));
					}
				}
			} catch (radesk.api.CardAccessException e) {
				// nothing to choose from: the log-in itself says what is wrong with the card
			}
			java.util.Comparator<java.security.cert.X509Certificate> newest = radesk.core.certificate.NewestFirst.certificates();
			found.sort((a, b) -> newest.compare(a.certificate(), b.certificate()));
			onCard.getDisplay().asyncExec(() -> showCardCertificates(found));
			return Status.OK_STATUS;
		}).schedule();
	}

	private void showCardCertificates(List<OnCard> found) {
		if (onCard.isDisposed()) {
			return;
		}
		cardCertificates.clear();
		cardCertificates.addAll(found);
		onCard.removeAll();
		java.text.SimpleDateFormat day = new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm");
		for (OnCard c : cardCertificates) {
			String subject = c.certificate().getSubjectX500Principal().getName().replaceAll("^.*?CN=([^,]+).*$", "$1");
			new TableItem(onCard, SWT.NONE).setText(new String[] { subject, c.card(), c.certificate().getSerialNumber().toString(16),
					day.format(c.certificate().getNotAfter()) });
		}
		if (!cardCertificates.isEmpty()) {
			onCard.select(0);
		}
		for (TableColumn c : onCard.getColumns()) {
			c.pack();
		}
	}

	private boolean connect() {
		if (client != null) {
			return true;
		}
		try {
			client = new RaClient();
			return true;
		} catch (Exception e) {
			outcome.setText(NLS.bind(Messages.login_no_server, e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + e.getMessage())));
			outcome.getParent().layout();
			return false;
		}
	}

	private void newCaptcha() {
		if (!connect()) {
			return;
		}
		try {
			captcha = client.captcha();
			Image fresh = new Image(captchaLabel.getDisplay(), new ByteArrayInputStream(captcha.png()));
			captchaLabel.setImage(fresh);
			captchaLabel.setData("radesk.captchaId", captcha.id());
			if (captchaImage != null) {
				captchaImage.dispose();
			}
			captchaImage = fresh;
			captchaAnswer.setText("");
		} catch (Exception e) {
			// read the settings again next time: the address or the RA root may have been put right meanwhile
			client = null;
			outcome.setText(NLS.bind(Messages.login_no_server, e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + e.getMessage())));
		}
		// the picture changes the group's size: lay the whole screen out again
		root.layout(true, true);
	}

	private void logIn() {
		String name = account.getText().strip();
		attempt(password, (secret, captchaId, answer) -> client.logIn(name, secret, captchaId, answer));
	}

	/**
	 * 晶片卡登入: the card of the chosen certificate (by default the newest expiry of all cards in the
	 * readers) opens with its PIN (its own three-strike lock applies) and that certificate's key
	 * signs the server's challenge; nothing of the key leaves the card.
	 */
	private void logInWithCard() {
		String id = identifier.getText().strip();
		String unit = raUnit.getText().strip();
		int chosen = onCard.getSelectionIndex();
		OnCard picked = chosen < 0 || chosen >= cardCertificates.size() ? null : cardCertificates.get(chosen);
		java.math.BigInteger serialChosen = picked == null ? null : picked.certificate().getSerialNumber();
		attempt(pin, (secret, captchaId, answer) -> new radesk.flows.CardLogIn(client, terminal, readers)
				.run(picked == null ? null : picked.card(), serialChosen, secret, id, unit, captchaId, answer));
	}

	/** One way of logging in, given the secret typed (password or PIN) and the captcha shown. */
	@FunctionalInterface
	private interface Attempt {
		void run(char[] secret, String captchaId, String answer) throws Exception;
	}

	/**
	 * Runs a log-in as a Job: the secret is taken from its field (and the field emptied), wiped when
	 * the attempt is over; success shows the subscriber's certificates, a refusal says why and
	 * shows a fresh captcha (the old one is used up either way).
	 */
	private void attempt(Text secretField, Attempt attempt) {
		if (!connect() || captcha == null) {
			return;
		}
		char[] secret = secretField.getText().toCharArray();
		String captchaId = captcha.id();
		String answer = captchaAnswer.getText().strip();
		secretField.setText("");
		logIn.setEnabled(false);
		cardLogIn.setEnabled(false);
		outcome.setText(Messages.login_checking);
		Job.create(Messages.login_job, monitor -> {
			String refusal;
			try {
				attempt.run(secret, captchaId, answer);
				List<radesk.api.SubscriberRa.Certificate> mine = client.certificates();
				outcome.getDisplay().asyncExec(() -> loggedIn(mine));
				return Status.OK_STATUS;
			} catch (radesk.api.CardAccessException e) {
				refusal = Messages.cardProblem(e, "card_login_");
			} catch (radesk.api.SubscriberRa.Refused e) {
				refusal = Messages.refusal(e.code, e.triesLeft);
			} catch (Exception e) {
				refusal = Messages.refusal("NO_SERVER", -1);
			} finally {
				Arrays.fill(secret, '\0');
			}
			String shown = refusal;
			outcome.getDisplay().asyncExec(() -> refused(shown));
			return Status.OK_STATUS;
		}).schedule();
	}

	private void refused(String text) {
		if (outcome.isDisposed()) {
			return;
		}
		logIn.setEnabled(true);
		cardLogIn.setEnabled(true);
		outcome.setText(text);
		newCaptcha();
	}

	private void loggedIn(List<radesk.api.SubscriberRa.Certificate> mine) {
		if (outcome.isDisposed()) {
			return;
		}
		logIn.setEnabled(true);
		cardLogIn.setEnabled(true);
		outcome.setText(Messages.login_done);
		who.setText(NLS.bind(Messages.account_logged_in, client.account()));
		// the other pages (憑證申請與下載) work with this log-in
		application.getContext().set(SubscriberSession.class, new SubscriberSession(client, client.account()));
		logOut.setEnabled(true);
		who.getParent().layout();
		certificates.removeAll();
		for (radesk.api.SubscriberRa.Certificate c : mine) {
			new TableItem(certificates, SWT.NONE).setText(new String[] { c.identifier(), Messages.text("certificate_state_" + c.state()),
					c.notAfter().substring(0, 10) });
		}
		for (TableColumn c : certificates.getColumns()) {
			c.pack();
		}
		// the code was used up by this log-in: a fresh one for the next
		newCaptcha();
	}

	/** 登出: the session ends on the server, this screen and the other pages forget the subscriber. */
	private void logOut() {
		RaClient leaving = client;
		logOut.setEnabled(false);
		application.getContext().remove(SubscriberSession.class);
		who.setText(Messages.account_not_logged_in);
		certificates.removeAll();
		outcome.setText(Messages.account_logged_out);
		root.layout(true, true);
		Job.create(Messages.login_job, monitor -> {
			try {
				leaving.logOut();
			} catch (Exception e) {
				// the server forgets an unused session after 30 minutes by itself
			}
			return Status.OK_STATUS;
		}).schedule();
	}

	private void changePassword() {
		if (client == null || !client.loggedIn()) {
			passwordOutcome.setText(Messages.account_not_logged_in);
			return;
		}
		char[] old = oldPassword.getText().toCharArray();
		char[] fresh = newPassword.getText().toCharArray();
		char[] again = confirm.getText().toCharArray();
		try {
			client.changePassword(old, fresh, again);
			passwordOutcome.setText(Messages.password_changed);
			oldPassword.setText("");
			newPassword.setText("");
			confirm.setText("");
		} catch (radesk.api.SubscriberRa.Refused e) {
			passwordOutcome.setText(Messages.refusal(e.code, e.triesLeft));
		} catch (Exception e) {
			passwordOutcome.setText(NLS.bind(Messages.login_no_server, e.getMessage()));
		} finally {
			Arrays.fill(old, '\0');
			Arrays.fill(fresh, '\0');
			Arrays.fill(again, '\0');
		}
		passwordOutcome.getParent().layout();
	}

	@PreDestroy
	void dispose() {
		if (captchaImage != null) {
			captchaImage.dispose();
		}
	}
}
