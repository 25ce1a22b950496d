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

	private CardLogInGroup byCard;
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
	private MyCertificates certificates;
	private EmailGroup email;
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

		byCard = new CardLogInGroup(left, readers, terminal, this::logInWithCard);

		Composite right = Forms.scrolling(parent); // what a logged-in subscriber sees scrolls on a short screen
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
		certificates = new MyCertificates(right);
		new PasswordChangeGroup(right, () -> client);
		email = new EmailGroup(right, () -> client);
		new LostCardGroup(right, () -> client, certificates::show);
		newCaptcha();
		byCard.readCards();
	}

	private boolean connect() {
		if (client != null) {
			return true;
		}
		try {
			client = new RaClient();
			return true;
		} catch (Exception e) {
			outcome.setText(Messages.noServer(e));
			outcome.getParent().layout();
			return false;
		}
	}

	private void newCaptcha() {
		newCaptcha(() -> {
		});
	}

	/**
	 * Fetches a fresh captcha in a Job (never a network call on the UI thread); {@code then} runs on the
	 * UI thread once it is shown. Meanwhile no log-in can be sent with the used-up one.
	 */
	private void newCaptcha(Runnable then) {
		if (!connect()) {
			return;
		}
		RaClient asking = client;
		captcha = null;
		captchaLabel.setData("radesk.captchaId", null);
		Job.create(Messages.login_new_captcha, monitor -> {
			try {
				RaClient.Captcha fresh = asking.captcha();
				captchaLabel.getDisplay().asyncExec(() -> {
					if (!captchaLabel.isDisposed()) {
						showCaptcha(fresh);
						then.run();
					}
				});
			} catch (Exception e) {
				String words = Messages.noServer(e);
				captchaLabel.getDisplay().asyncExec(() -> {
					if (!outcome.isDisposed()) {
						// read the settings again next time: the address or the RA root may have been put right meanwhile
						client = null;
						outcome.setText(words);
						root.layout(true, true);
					}
				});
			}
			return Status.OK_STATUS;
		}).schedule();
	}

	private void showCaptcha(RaClient.Captcha fresh) {
		Image image = new Image(captchaLabel.getDisplay(), new ByteArrayInputStream(fresh.png()));
		captchaLabel.setImage(image);
		if (captchaImage != null) {
			captchaImage.dispose();
		}
		captchaImage = image;
		captchaAnswer.setText("");
		captcha = fresh;
		captchaLabel.setData("radesk.captchaId", fresh.id());
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
		String id = byCard.identifier.getText().strip();
		String unit = byCard.raUnit.getText().strip();
		String card = byCard.chosenCard();
		java.math.BigInteger serialChosen = byCard.chosenSerial();
		attempt(byCard.pin, (secret, captchaId, answer) -> new radesk.flows.CardLogIn(client, terminal, readers)
				.run(card, serialChosen, secret, id, unit, captchaId, answer));
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
		byCard.submit.setEnabled(false);
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
				refusal = Messages.noServer(e);
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
		byCard.submit.setEnabled(true);
		// the refusal is told once the fresh captcha is there: the next try needs it
		newCaptcha(() -> outcome.setText(text));
	}

	private void loggedIn(List<radesk.api.SubscriberRa.Certificate> mine) {
		if (outcome.isDisposed()) {
			return;
		}
		logIn.setEnabled(true);
		byCard.submit.setEnabled(true);
		who.setText(NLS.bind(Messages.account_logged_in, client.account()));
		// the other pages (憑證申請與下載) work with this log-in
		application.getContext().set(SubscriberSession.class, new SubscriberSession(client, client.account()));
		logOut.setEnabled(true);
		who.getParent().layout();
		certificates.show(mine);
		email.refresh();
		// the code was used up by this log-in: a fresh one for the next, then the log-in told
		newCaptcha(() -> outcome.setText(Messages.login_done));
	}

	/** 登出: the session ends on the server, this screen and the other pages forget the subscriber. */
	private void logOut() {
		RaClient leaving = client;
		logOut.setEnabled(false);
		application.getContext().remove(SubscriberSession.class);
		who.setText(Messages.account_not_logged_in);
		certificates.clear();
		email.clear();
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

	@PreDestroy
	void dispose() {
		if (captchaImage != null) {
			captchaImage.dispose();
		}
	}
}
