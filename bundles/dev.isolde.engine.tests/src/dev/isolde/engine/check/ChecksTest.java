// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import static dev.isolde.engine.fixtures.RfcMachine.object;
import static dev.isolde.engine.fixtures.RfcMachine.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.SelectorKind;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.MappingAttr;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import dev.isolde.engine.space.RestrictedSpaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One passing and at least one failing case per check, built from the RFC's statements (DESIGN §2). */
class ChecksTest {

    private static CheckReport check(KernelImage kernel, PolicySpec policy) {
        return CheckSuite.standard().run(CheckInput.of(new Classifier(kernel).classify(policy)));
    }

    /** Runs the suite on the RFC machine with {@code instance} added, as an importer of a ptdump would supply it. */
    private static CheckReport checkWithForeignInstance(AddressSpace space) {
        KernelImage kernel = RfcMachine.kernel();
        Classification c = new Classifier(kernel).classify(RfcMachine.policy());
        RestrictedSpaces built = new RestrictedSpaceBuilder(c).build();
        List<AsiInstance> instances = new ArrayList<>(built.instances());
        instances.add(new AsiInstance("vm1/imported", RfcMachine.kvmClass(),
                new ContextSpec("vm1", ContextKind.VM, "KVM"), space));
        return CheckSuite.standard().run(CheckInput.of(c, new RestrictedSpaces(built.full(),
                built.globalNonSensitive(), instances, built.problems(), built.rfc2022())));
    }

    private static int attrOf(KernelImage kernel, Classification c, int obj) {
        return MappingAttr.ofObject(c.classKey(obj), obj);
    }

    @Test
    void theRfcMachinePassesEveryCheck() {
        CheckReport report = check(RfcMachine.kernel(), RfcMachine.policy());
        assertEquals(List.of(SubsetCheck.ID, IdenticalMappingCheck.ID, PageSeparationCheck.ID, NoForeignLocalCheck.ID,
                SensitiveNeverMappedCheck.ID, OneInstancePerClassCheck.ID, Rfc2022LayoutCheck.ID), report.checksRun());
        assertEquals(List.of(), report.findings());
        for (String id : report.checksRun()) {
            assertTrue(report.passed(id), id);
        }
    }

    @Test
    void subsetFailsWhenARestrictedSpaceMapsWhatTheFullSpaceDoesNot() {
        long unmapped = 0xffffffff90000000L; // outside every object and region of the machine
        CheckReport report = checkWithForeignInstance(
                AddressSpace.builder().add(unmapped, unmapped + 0x1000, MappingAttr.ofRegion(ClassKey.GLOBAL, 0), -1)
                        .build());
        List<Finding> findings = report.findings(SubsetCheck.ID);
        assertEquals(1, findings.size());
        assertEquals(unmapped, findings.get(0).page());
        assertTrue(findings.get(0).message().contains("vm1/imported"));
    }

    @Test
    void identicalMappingFailsOnAnotherPhysicalFrame() {
        KernelImage kernel = RfcMachine.kernel();
        Classification c = new Classifier(kernel).classify(RfcMachine.policy());
        int kmalloc = object(kernel, "kmalloc-64");
        // Same VA, same source, but the PTE points at another frame.
        CheckReport report = checkWithForeignInstance(AddressSpace.builder().add(RfcMachine.KMALLOC_64,
                RfcMachine.KMALLOC_64 + 0x1000, attrOf(kernel, c, kmalloc), 0x7000).build());
        List<Finding> findings = report.findings(IdenticalMappingCheck.ID);
        assertEquals(1, findings.size());
        assertEquals(0x7000L, findings.get(0).page());
        assertTrue(findings.get(0).message().contains("0x0000000000100000"), findings.get(0).message());
        assertTrue(report.passed(SubsetCheck.ID));
    }

    @Test
    void identicalMappingFailsWhenTheRestrictedMappingHasOtherAttributes() {
        KernelImage kernel = RfcMachine.kernel();
        int kmalloc = object(kernel, "kmalloc-64");
        CheckReport report = checkWithForeignInstance(AddressSpace.builder().add(RfcMachine.KMALLOC_64,
                RfcMachine.KMALLOC_64 + 0x1000, MappingAttr.ofObject(ClassKey.GLOBAL, kmalloc + 1), -1).build());
        assertEquals(1, report.findings(IdenticalMappingCheck.ID).size());
    }

    @Test
    void pageSeparationNamesBothObjectsAndThePageWhenNonSensitiveDataSharesAPageWithSensitiveData() {
        // A sensitive variable linked right after jiffies: the page the restricted space must map holds both.
        // The RFC's .data..asi_non_sensitive section exists to avoid exactly this.
        KernelImage kernel = RfcMachine.kernel(b -> b.addObject("secret_key", ObjectKind.STATIC_DATA,
                RfcMachine.JIFFIES + 0x40, 0x20, ".data", null, -1, -1));
        CheckReport report = check(kernel, RfcMachine.policy());
        List<Finding> findings = report.findings(PageSeparationCheck.ID);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("jiffies", "secret_key"), f.objects().stream().map(ObjectRef::name).toList());
        // The kernel image's PA: VA - __START_KERNEL_map + phys_base (0).
        assertEquals(0x2000000L, f.page());
        assertTrue(f.message().contains("physical page 0x0000000002000000"), f.message());
        assertTrue(f.message().contains("global nonsensitive") && f.message().contains("sensitive"));
    }

    @Test
    void pageSeparationFailsWhenTwoVmsLocalMemoryShareAPage() {
        KernelImage kernel = RfcMachine.kernel(b -> {
            b.addOwnedObject("guest_memory", ObjectKind.GUEST, RfcMachine.GUEST_VM1 + 0x20000, 0x800, 0);
            b.addOwnedObject("guest_memory", ObjectKind.GUEST, RfcMachine.GUEST_VM1 + 0x20800, 0x800, 1);
        });
        List<Finding> findings = check(kernel, RfcMachine.policy()).findings(PageSeparationCheck.ID);
        assertEquals(1, findings.size());
        assertEquals(List.of("vm1", "vm2"), findings.get(0).objects().stream().map(ObjectRef::context).toList());
        assertEquals(0x220000L, findings.get(0).page());
    }

    @Test
    void pageSeparationUsesVirtualPagesWhenThePhysicalAddressIsUnknown() {
        KernelImage kernel = RfcMachine.kernel(b -> b.addObject("bpf_jit_scratch", ObjectKind.VMALLOC,
                RfcMachine.VMALLOC + 0x11000 + 0x800, 0x100));
        var policy = RfcMachine.policyWith(rule("jit", 30, MemoryClass.GLOBAL_NONSENSITIVE, null,
                SelectorKind.VMALLOC, List.of("bpf_jit_*"), List.of(), null));
        List<Finding> findings = check(kernel, policy).findings(PageSeparationCheck.ID);
        assertEquals(1, findings.size());
        assertEquals(RfcMachine.VMALLOC + 0x11000, findings.get(0).page());
        assertTrue(findings.get(0).message().startsWith("virtual page"));
    }

    @Test
    void noForeignLocalFailsWhenAClassMapsARegionHoldingAnotherVmsMemory() {
        // A class that maps a "guest" region wholesale instead of only its own context's local memory.
        KernelImage kernel = RfcMachine.kernel(b -> b.addRegion("guest_area", RfcMachine.GUEST_VM1,
                RfcMachine.GUEST_VM2 + 0x20000));
        AsiClassSpec leaky = new AsiClassSpec("KVM", ContextKind.VM, List.of("global", "local", "region guest_area"),
                List.of(), List.of(), Map.of(), null);
        PolicySpec base = RfcMachine.policy();
        PolicySpec policy = new PolicySpec("leaky", null, AsiModel.RFC2022, 4, MemoryClass.SENSITIVE, base.rules(),
                List.of(leaky), List.of(new ContextSpec("vm1", ContextKind.VM, "KVM")));
        CheckReport report = check(kernel, policy);
        List<Finding> findings = report.findings(NoForeignLocalCheck.ID);
        assertEquals(1, findings.size());
        assertEquals("vm2", findings.get(0).objects().get(0).context());
        assertTrue(findings.get(0).message().contains("of context vm2"));
        // Past vm2's guest memory the region holds sensitive direct-map fill the class asked for: a warning.
        List<Finding> sensitive = report.findings(SensitiveNeverMappedCheck.ID);
        assertEquals(1, sensitive.size(), "one warning for the region the class maps, not one per object");
        assertEquals(Severity.WARNING, sensitive.get(0).severity());
        assertTrue(sensitive.get(0).message().contains("maps region guest_area"), sensitive.get(0).message());
    }

    @Test
    void sensitiveNeverMappedFailsWhenAnImportedSpaceMapsASensitiveObject() {
        KernelImage kernel = RfcMachine.kernel();
        Classification c = new Classifier(kernel).classify(RfcMachine.policy());
        int pool = object(kernel, "random_pool");
        CheckReport report = checkWithForeignInstance(AddressSpace.builder()
                .add(RfcMachine.RANDOM_POOL, RfcMachine.RANDOM_POOL + 0x80, attrOf(kernel, c, pool), -1).build());
        List<Finding> findings = report.findings(SensitiveNeverMappedCheck.ID);
        assertEquals(1, findings.size());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("random_pool", findings.get(0).objects().get(0).name());
    }

    @Test
    void oneInstancePerClassPerContextIsTheRfcLimit() {
        PolicySpec base = RfcMachine.policy();
        List<ContextSpec> contexts = new ArrayList<>(base.contexts());
        contexts.add(new ContextSpec("vm1", ContextKind.VM, "KVM"));
        PolicySpec twice = new PolicySpec(base.name(), base.file(), base.model(), 4, base.defaultClass(), base.rules(),
                base.classes(), contexts);
        List<Finding> findings = check(RfcMachine.kernel(), twice).findings(OneInstancePerClassCheck.ID);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("context vm1 has 2 instances of ASI class KVM"));
    }

    @Test
    void theRfcAcceptsAtMostFourAsiClassesButTheLaterSeriesIsNotBound() {
        List<AsiClassSpec> classes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            classes.add(new AsiClassSpec("C" + i, ContextKind.VM, List.of(), null, null, Map.of(), null));
        }
        PolicySpec rfc = new PolicySpec("p", null, AsiModel.RFC2022, 4, MemoryClass.SENSITIVE, List.of(), classes,
                List.of());
        assertEquals(1, check(RfcMachine.kernel(), rfc).findings(OneInstancePerClassCheck.ID).size());
        PolicySpec later = new PolicySpec("p", null, AsiModel.ASI2025, 4, MemoryClass.SENSITIVE, List.of(), classes,
                List.of());
        assertTrue(check(RfcMachine.kernel(), later).passed(OneInstancePerClassCheck.ID));
    }

    @Test
    void findingsBeyondTheLimitAreCountedNotKept() {
        KernelImage kernel = RfcMachine.kernel(b -> {
            for (int i = 0; i < 8; i++) {
                b.addObject("secret" + i, ObjectKind.STATIC_DATA, RfcMachine.RANDOM_POOL + 0x4000 + i * 0x1000L, 8,
                        ".data", null, -1, -1);
                b.addObject("public" + i, ObjectKind.STATIC_DATA, RfcMachine.RANDOM_POOL + 0x4010 + i * 0x1000L, 8,
                        ".asi", null, -1, -1);
            }
        });
        var policy = RfcMachine.policyWith(rule("public", 31, MemoryClass.GLOBAL_NONSENSITIVE, null,
                SelectorKind.SECTION, List.of(".asi"), List.of(), null));
        Classification c = new Classifier(kernel).classify(policy);
        CheckReport report = new CheckSuite(List.of(new PageSeparationCheck()), 3).run(CheckInput.of(c));
        assertEquals(3, report.findings().size());
        assertEquals(5, report.suppressed().get(PageSeparationCheck.ID));
        assertTrue(report.hasErrors());
    }
}
