package radesk.ui.counter.intake;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.staff.RegistrationSummary;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** The newest registration requests, ID numbers masked. */
final class RecentRequestsTable {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.of("Asia/Taipei"));

	private final Table table;
	private final Function<String, String> unitName;

	RecentRequestsTable(Composite parent, Function<String, String> unitName) {
		this.unitName = unitName;
		new Label(parent, SWT.NONE).setText(Messages.recent_heading);
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL), "intake.recent");
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		String[] titles = { Messages.column_id, Messages.column_received, Messages.column_name,
				Messages.column_nationalId, Messages.column_email, Messages.column_raUnit, Messages.column_channel,
				Messages.column_state };
		int[] widths = { 60, 140, 140, 120, 220, 140, 80, 90 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
	}

	void show(List<RegistrationSummary> requests) {
		table.removeAll();
		for (RegistrationSummary r : requests) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Long.toString(r.id()), WHEN.format(r.receivedAt()), r.applicantName(),
					r.maskedNationalId(), r.email(), unitName.apply(r.raUnit()), Messages.text("channel_" + r.channel()),
					Messages.text("state_" + r.state()) });
		}
		for (TableColumn column : table.getColumns()) {
			int titleWidth = column.getWidth();
			column.pack();
			column.setWidth(Math.max(titleWidth, column.getWidth()));
		}
	}
}
