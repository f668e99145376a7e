// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.sim.TraceReader;
import dev.isolde.io.engine.Analysis;

/**
 * The simulator's trace reader, feeding every strategy of a 4-CPU simulation of samples/kvm-host.asi: any bytes
 * give a result or a {@link TraceException} at a line of the input. Seeds: the examples of docs/trace-format.md.
 */
class TraceFuzzTest {

	private static final int CPUS = 4;

	private static Analysis analysis;
	private static Simulator simulator;

	@BeforeAll
	static void analyse() throws Exception {
		analysis = Samples.kvmHost();
		simulator = new Simulator(analysis.classification(), analysis.spaces(), CostModel.defaults(), CPUS);
	}

	@FuzzTest(maxDuration = "30s")
	void trace(byte[] data) {
		EventSource source = sink -> {
			// Files.newBufferedReader in the CLI decodes UTF-8 and fails on malformed input; ISO-8859-1 reaches the parser.
			Reader in = new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.ISO_8859_1);
			new TraceReader(analysis.kernel(), Contract.FILE, CPUS).read(in, sink);
		};
		try {
			simulator.runAll("fuzz", source);
		} catch (TraceException e) {
			Contract.located(Contract.FILE, e.file(), e.line(), e.column(), Contract.lines(data), e.getMessage());
		}
	}
}
