using Errata.Scenarios.Assembly;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>
/// A whole scenario against NASM 2.16 (<c>nasm -f bin</c>, <c>bits 64</c>, <c>org 0x401000</c>,
/// <c>align 16, db 0</c> between sections): forward and backward jumps, short and near,
/// loop, call, RIP-relative and absolute memory, imm8 and imm32 forms, data with labels.
/// One deliberate difference: NASM keeps <c>mov rax, label</c> as the 10-byte imm64 form;
/// scenarios rely on the 5-byte <c>mov eax, imm32</c>, so the NASM source says <c>mov eax, target</c>.
/// </summary>
public class NasmImageTests
{
    private static readonly AsmSection[] Scenario =
    [
        Asm.Section("code",
            "start:  mov rax, target",
            "        mov dr0, rax",
            "        mov rax, 0x401",
            "        mov dr7, rax",
            "        mov qword [rel hits], 0",
            "        clgi",
            "        lea rbx, [rel table]",
            "        mov rcx, [rbx+rdx*8+8]",
            "        jmp short skip",
            "        nop",
            "skip:   test byte [rel hits], 1",
            "        jz near_far",
            "target: nop",
            "        add rsp, 8",
            "        cmp qword [rel hits], 1",
            "        jne done",
            "        call db_handler",
            "        stgi",
            "        mov rax, [table + 8]",
            "        push table",
            "        mov eax, done - start",
            "        sub rsp, 0x80",
            "        sub rsp, 0x7f",
            "        and qword [rbx], -16",
            "near_far: loop start",
            "done:   mov rax, dr6",
            "        hlt"),
        Asm.Section("handler",
            "db_handler: inc qword [rel hits]",
            "        mov rax, 0xFFFF0FF0",
            "        mov dr6, rax",
            "        mov rax, -2",
            "        mov r9, 0x80000000",
            "        mov r9, -0x80000000",
            "        jmp target",
            "        iretq"),
        Asm.Section("data",
            "hits:   dq 0",
            "table:  dq target, done, start + 4",
            "msg:    db 'gif', 0",
            "        dw 'ab', -1",
            "        dd (1 << 4) | 3, table - hits"),
    ];

    private const string NasmImage =
        "B8361040000F23C0B8010400000F23F848C70595000000000000000F01DD488D" +
        "1D93000000488B4CD308EB0190F6057C000000017438904883C40848833D6D00" +
        "000001752BE8360000000F01DC488B0425C010400068B8104000B87000000048" +
        "81EC800000004883EC7F488323F0E2900F21F0F4000000000000000000000000" +
        "48FF0529000000B8F00FFFFF0F23F048C7C0FEFFFFFF41B90000008049C7C100" +
        "000080EB9148CF00000000000000000000000000000000003610400000000000" +
        "70104000000000000410400000000000676966006162FFFF1300000008000000";

    [Fact]
    public void Scenario_AssemblesToNasmImage()
    {
        var result = TextAssembler.Assemble(Scenario, Asm.Base, _ => true);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(NasmImage, Asm.Hex(result.Bytes));
    }
}
