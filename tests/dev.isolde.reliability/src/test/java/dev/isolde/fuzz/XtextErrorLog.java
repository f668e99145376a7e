// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Xtext catches an exception thrown by a validator or a linker and logs it instead: this appender turns such a
 * log entry back into a failure, so a crashing check is a finding and not a line on stderr.
 */
final class XtextErrorLog extends AppenderSkeleton {

	private final List<LoggingEvent> errors = new ArrayList<>();

	/** Installs an appender on the root logger. */
	static XtextErrorLog install() {
		XtextErrorLog log = new XtextErrorLog();
		Logger.getRootLogger().addAppender(log);
		return log;
	}

	@Override
	protected synchronized void append(LoggingEvent event) {
		if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
			errors.add(event);
		}
	}

	/** Forgets what was logged so far. */
	synchronized void clear() {
		errors.clear();
	}

	/** Fails with the first error logged since {@link #clear()}. */
	synchronized void assertNone() {
		if (!errors.isEmpty()) {
			LoggingEvent first = errors.get(0);
			Throwable cause = first.getThrowableInformation() == null ? null
					: first.getThrowableInformation().getThrowable();
			throw new AssertionError("logged: " + first.getRenderedMessage(), cause);
		}
	}

	@Override
	public void close() {
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}
}
