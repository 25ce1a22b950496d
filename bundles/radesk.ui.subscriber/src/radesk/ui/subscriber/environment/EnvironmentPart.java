package radesk.ui.subscriber.environment;

import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
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
import radesk.api.CardReaders;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/** 環境檢測: each item passed (blue) or failed (red); 變更設定 puts right what can be put right from here. */
public final class EnvironmentPart {

	private final Checks checks;
	private Table table;
	private Button run;
	private Button fix;
	private Label outcome;
	private List<Checks.Result> shown = List.of();

	@Inject
	public EnvironmentPart(CardReaders readers, radesk.card.CardTerminal terminal) {
		this.checks = new Checks(readers, terminal);
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(3, false));
		Label intro = new Label(parent, SWT.WRAP);
		intro.setText(Messages.env_intro);
		GridData introData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		introData.widthHint = 600;
		intro.setLayoutData(introData);
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "env.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		for (String title : new String[] { Messages.env_column_item, Messages.env_column_result, Messages.env_column_found }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.addListener(SWT.Selection, e -> selectionChanged());
		run = WidgetIds.name(new Button(parent, SWT.PUSH), "env.run");
		run.setText(Messages.env_run);
		run.addListener(SWT.Selection, e -> check());
		fix = WidgetIds.name(new Button(parent, SWT.PUSH), "env.fix");
		fix.setText(Messages.env_fix);
		fix.addListener(SWT.Selection, e -> fix());
		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "env.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		selectionChanged();
	}

	private void check() {
		run.setEnabled(false);
		outcome.setText(Messages.env_running);
		Job.create(Messages.env_job, monitor -> {
			List<Checks.Result> results = checks.run();
			table.getDisplay().asyncExec(() -> show(results));
			return Status.OK_STATUS;
		}).schedule();
	}

	private void show(List<Checks.Result> results) {
		if (table.isDisposed()) {
			return;
		}
		run.setEnabled(true);
		shown = results;
		table.removeAll();
		for (Checks.Result r : results) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Messages.text("env_item_" + r.item()), r.passed() ? Messages.env_passed : Messages.env_failed,
					r.found().startsWith("env_found_") ? Messages.text(r.found()) : r.found() });
			item.setForeground(1, table.getDisplay().getSystemColor(r.passed() ? SWT.COLOR_BLUE : SWT.COLOR_RED));
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
		long failed = results.stream().filter(r -> !r.passed()).count();
		outcome.setText(failed == 0 ? Messages.env_all_passed : NLS.bind(Messages.env_some_failed, failed));
		outcome.getParent().layout();
		selectionChanged();
	}

	private void selectionChanged() {
		int i = table.getSelectionIndex();
		fix.setEnabled(i >= 0 && i < shown.size() && !shown.get(i).passed() && shown.get(i).fixable());
	}

	private void fix() {
		int i = table.getSelectionIndex();
		if (i < 0 || i >= shown.size()) {
			return;
		}
		try {
			checks.fix(shown.get(i).item());
			outcome.setText(Messages.env_fixed);
		} catch (Exception e) {
			outcome.setText(NLS.bind(Messages.env_fix_failed, e.getMessage()));
		}
		check();
	}
}
