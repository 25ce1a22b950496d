package radesk.ui.subscriber.card;

import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/** 我的晶片卡: the readers of this computer and the card in each, looked up off the UI thread. */
public final class CardStatusPart {

	private final CardReaders readers;
	private final radesk.card.CardTerminal terminal;
	private final UISynchronize sync;
	private Text pin;
	private Button register;
	private Label registered;
	private Table table;
	private Label problem;

	@Inject
	public CardStatusPart(CardReaders readers, radesk.card.CardTerminal terminal, UISynchronize sync) {
		this.readers = readers;
		this.terminal = terminal;
		this.sync = sync;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		Label heading = new Label(parent, SWT.NONE);
		heading.setText(Messages.card_heading);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button refresh = WidgetIds.name(new Button(parent, SWT.PUSH), "card.refresh");
		refresh.setText(Messages.card_refresh);
		refresh.addListener(SWT.Selection, e -> lookUp(true));
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION), "card.slots");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		String[] titles = { Messages.card_column_reader, Messages.card_column_card, Messages.card_column_serial,
				Messages.card_column_state };
		int[] widths = { 260, 160, 160, 200 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		problem = WidgetIds.name(new Label(parent, SWT.WRAP), "card.problem");
		problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		new Label(parent, SWT.WRAP).setText(Messages.card_key_note);

		org.eclipse.swt.widgets.Group other = new org.eclipse.swt.widgets.Group(parent, SWT.NONE);
		other.setText(Messages.computer_heading);
		other.setLayout(new GridLayout(2, false));
		other.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		Label explain = new Label(other, SWT.WRAP);
		explain.setText(Messages.computer_explain);
		GridData explainData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		explainData.widthHint = 640;
		explain.setLayoutData(explainData);
		pin = radesk.ui.common.Forms.labelledText(other, Messages.computer_pin, "computer.pin", SWT.PASSWORD, 160);
		register = WidgetIds.name(new Button(other, SWT.PUSH), "computer.register");
		register.setText(Messages.computer_register);
		register.addListener(SWT.Selection, e -> registerHere());
		registered = WidgetIds.name(new Label(other, SWT.WRAP), "computer.outcome");
		registered.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		lookUp();
	}

	/** 更換電腦: log in to the card, register the module and the card's certificates for this user's programs. */
	private void registerHere() {
		char[] secret = pin.getText().toCharArray();
		pin.setText("");
		register.setEnabled(false);
		registered.setText(Messages.computer_running);
		Job.create(Messages.computer_heading, monitor -> {
			String text;
			try {
				String serial = readers.slots().stream().filter(s -> s.cardPresent() && s.initialized()).map(CardSlot::tokenLabel)
						.findFirst().orElseThrow(() -> new CardAccessException(CardAccessException.Reason.CARD_REMOVED, "no card", null));
				List<java.security.cert.X509Certificate> certificates;
				try (radesk.card.CardSession card = terminal.open(serial, secret)) {
					certificates = card.certificates();
				}
				List<String> names = ThisComputer.register(certificates);
				text = NLS.bind(Messages.computer_done, names.size());
			} catch (CardAccessException e) {
				text = e.reason() == CardAccessException.Reason.WRONG_PIN ? NLS.bind(Messages.computer_wrong_pin, e.triesLeft())
						: NLS.bind(Messages.card_error, e.getMessage());
			} catch (Exception e) {
				text = NLS.bind(Messages.computer_failed, e.getMessage());
			} finally {
				java.util.Arrays.fill(secret, '\0');
			}
			String shown = text;
			sync.asyncExec(() -> {
				if (!registered.isDisposed()) {
					register.setEnabled(true);
					registered.setText(shown);
					registered.getParent().layout();
				}
			});
			return Status.OK_STATUS;
		}).schedule();
	}

	private void lookUp() {
		lookUp(false);
	}

	/** {@code afresh} (the button): as re-plugging the reader, so a card put back is found. */
	private void lookUp(boolean afresh) {
		Job.create(Messages.card_heading, monitor -> {
			try {
				List<CardSlot> slots = afresh ? readers.rescan() : readers.slots();
				sync.asyncExec(() -> show(slots, ""));
			} catch (CardAccessException e) {
				String text = e.reason() == CardAccessException.Reason.MODULE_NOT_FOUND
						? NLS.bind(Messages.card_error_module, readers.module())
						: NLS.bind(Messages.card_error, e.getMessage());
				sync.asyncExec(() -> show(List.of(), text));
			}
			return Status.OK_STATUS;
		}).schedule();
	}

	private void show(List<CardSlot> slots, String error) {
		if (table.isDisposed()) {
			return;
		}
		table.removeAll();
		for (CardSlot slot : slots) {
			String state = !slot.cardPresent() ? Messages.card_state_none
					: slot.initialized() ? Messages.card_state_ready : Messages.card_state_blank;
			new TableItem(table, SWT.NONE).setText(new String[] { slot.reader(), slot.tokenLabel(), slot.serial(), state });
		}
		problem.setText(error);
		problem.getParent().layout();
	}
}
