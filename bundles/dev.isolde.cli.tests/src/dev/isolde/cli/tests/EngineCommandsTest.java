// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.cli.Console;
import dev.isolde.cli.Main;

/** The commands that run the engine, on the bundled sample policies and the sample kernel model. */
class EngineCommandsTest {

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {
	}

	private static Path samples() {
		return Path.of(System.getProperty("isolde.samples", "../../samples")).toAbsolutePath();
	}

	Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(args, new Console(new ByteArrayInputStream(new byte[0]),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				samples()));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void spacesListsEveryInstanceWithItsCoverage() {
		Run r = run("spaces", "kvm-host.asi");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("instance guest1/KVM"), r.out());
		assertTrue(r.out().contains("instance guest2/KVM"), r.out());
		assertTrue(r.out().contains("region kernel_text"), r.out());
	}

	@Test
	void spacesJsonNamesInstancesAndBytes() {
		Run r = run("spaces", "kvm-host.asi", "--format", "json", "--instance", "guest1");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().startsWith("{\"policy\":\"kvm_host\""), r.out());
		assertTrue(r.out().contains("\"name\":\"guest1/KVM\""), r.out());
		assertTrue(!r.out().contains("guest2/KVM"), "filtered to one instance");
	}

	@Test
	void explainTellsTheRuleThatMappedKernelText() {
		Run r = run("explain", "kvm-host.asi", "0xffffffff81000000");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("global nonsensitive"), r.out());
		assertTrue(r.out().contains("kvm-host.asi:"), r.out());
		assertTrue(r.out().contains("guest1/KVM"), r.out());
	}

	@Test
	void explainOfAnUnknownSymbolExitsOne() {
		assertEquals(1, run("explain", "kvm-host.asi", "no_such_symbol_anywhere").exit());
	}

	@Test
	void diffOfTheSitePolicyShowsItsAddedRule() {
		Run r = run("diff", "kvm-host.asi", "site.asi");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().contains("rule added: site.asi:"), r.out());
	}

	@Test
	void checkWithAKernelRunsTheRfcChecksAndReportsASharedPage() throws Exception {
		// a sensitive rule on symbols that share pages with globally mapped kernel text: page-separation must fire
		Path policy = dir.resolve("leaky.asi");
		Files.writeString(policy, """
				policy leaky for x86_64 paging 4 {
				  default sensitive
				  global nonsensitive { region kernel_text }
				  sensitive { symbol entry_SYSCALL_64 because "pretend it is secret" }
				}
				asi class KVM per vm { maps global on enter l1d_flush, mds_clear }
				vm guest1 uses KVM
				""");
		Run r = run("check", policy.toString(), "--kernel", samples().resolve("machine.isolde").toString());
		assertEquals(1, r.exit(), r.out() + r.err());
		assertTrue(r.err().contains("page-separation: error:"), r.err());
		assertTrue(r.err().contains("entry_SYSCALL_64"), r.err());
	}

	@Test
	void checkOfTheSamplePolicyOnTheSampleKernelPasses() {
		Run r = run("check", "kvm-host.asi");
		assertEquals(0, r.exit(), r.out() + r.err());
	}
}
