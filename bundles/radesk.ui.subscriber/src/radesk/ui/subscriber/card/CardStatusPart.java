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
	private final UISynchronize sync;
	private Table table;
	private Label problem;

	@Inject
	public CardStatusPart(CardReaders readers, UISynchronize sync) {
		this.readers = readers;
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
		refresh.addListener(SWT.Selection, e -> lookUp());
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
		lookUp();
	}

	private void lookUp() {
		Job.create(Messages.card_heading, monitor -> {
			try {
				List<CardSlot> slots = readers.slots();
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
