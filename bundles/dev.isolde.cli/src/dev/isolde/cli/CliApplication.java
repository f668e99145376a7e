// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** Runs {@code isolde ARGS} inside the product's OSGi runtime, headless. */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		int code = Main.run(args == null ? new String[0] : args, Console.system());
		System.out.flush();
		System.err.flush();
		return Integer.valueOf(code);
	}

	@Override
	public void stop() {
		// a command runs to completion; nothing to interrupt
	}
}
