namespace Errata.Scenarios.Tests.Assembly;

/// <summary>
/// Byte expectations checked against NASM 2.16 (nasm -f bin, bits 64) for the forms scenarios
/// rely on. <c>vmrun rax</c> is the one row NASM 2.16 rejects; it names the implicit operand
/// as APM and the scenario contract write it.
/// </summary>
public class EncodingTests
{
    [Theory]
    [InlineData("mov rax, 1", "B801000000")]
    [InlineData("mov rax, -1", "48C7C0FFFFFFFF")]
    [InlineData("mov rax, 0x123456789", "48B88967452301000000")]
    [InlineData("mov r8, 1", "41B801000000")]
    [InlineData("mov eax, 5", "B805000000")]
    [InlineData("mov al, 0xFF", "B0FF")]
    [InlineData("mov eax, ebx", "89D8")]
    [InlineData("mov rax, [rbx]", "488B03")]
    [InlineData("mov rax, [rsp+8]", "488B442408")]
    [InlineData("mov rax, [rbx+rcx*4+0x10]", "488B448B10")]
    [InlineData("mov rax, [rbp]", "488B4500")]
    [InlineData("mov rax, [0x401000]", "488B042500104000")]
    [InlineData("mov qword [rax], 5", "48C70005000000")]
    [InlineData("mov byte [rax], 5", "C60005")]
    [InlineData("mov rax, dr0", "0F21C0")]
    [InlineData("mov dr7, rax", "0F23F8")]
    [InlineData("mov dr6, rbx", "0F23F3")]
    [InlineData("mov rax, cr0", "0F20C0")]
    [InlineData("mov cr8, rax", "440F22C0")]
    [InlineData("mov ds, ax", "8ED8")]
    [InlineData("mov ds, eax", "8ED8")]
    [InlineData("mov ax, ds", "668CD8")]
    [InlineData("mov ds, [rax]", "8E18")]
    [InlineData("mov fs, r13", "418EE5")]
    [InlineData("mov rax, ds", "8CD8")]
    [InlineData("mov r8, fs", "418CE0")]
    [InlineData("cmp ax, 1Ah", "6683F81A")]
    [InlineData("cmp ax, 1000", "663DE803")]
    [InlineData("xchg rax, rbx", "4893")]
    [InlineData("xchg rbx, rax", "4893")]
    [InlineData("xchg rbx, rcx", "4887D9")]
    [InlineData("xchg rbx, [rax]", "488718")]
    [InlineData("test rbx, [rax]", "488518")]
    [InlineData("imul eax, 10", "6BC00A")]
    [InlineData("lea rax, [rbx+8]", "488D4308")]
    [InlineData("nop", "90")]
    [InlineData("hlt", "F4")]
    [InlineData("clgi", "0F01DD")]
    [InlineData("stgi", "0F01DC")]
    [InlineData("vmrun", "0F01D8")]
    [InlineData("vmrun rax", "0F01D8")]
    [InlineData("vmload", "0F01DA")]
    [InlineData("vmsave", "0F01DB")]
    [InlineData("vmmcall", "0F01D9")]
    [InlineData("int3", "CC")]
    [InlineData("int1", "F1")]
    [InlineData("icebp", "F1")]
    [InlineData("int 0x20", "CD20")]
    [InlineData("iretq", "48CF")]
    [InlineData("pushfq", "9C")]
    [InlineData("pushf", "9C")]
    [InlineData("popfq", "9D")]
    [InlineData("cli", "FA")]
    [InlineData("sti", "FB")]
    [InlineData("rdmsr", "0F32")]
    [InlineData("wrmsr", "0F30")]
    [InlineData("add rsp, 8", "4883C408")]
    [InlineData("add eax, 0xFFFFFFFF", "83C0FF")]
    [InlineData("add eax, 1000", "05E8030000")]
    [InlineData("add al, 5", "0405")]
    [InlineData("sub rsp, 0x100", "4881EC00010000")]
    [InlineData("cmp rax, 3", "4883F803")]
    [InlineData("shl eax, 1", "D1E0")]
    [InlineData("shl eax, 4", "C1E004")]
    [InlineData("shl eax, cl", "D3E0")]
    [InlineData("push 1", "6A01")]
    [InlineData("push 0x1000", "6800100000")]
    [InlineData("push rax", "50")]
    [InlineData("push r12", "4154")]
    [InlineData("pop rbx", "5B")]
    [InlineData("push qword [rax]", "FF30")]
    [InlineData("ret", "C3")]
    [InlineData("ret 8", "C20800")]
    [InlineData("xor eax, eax", "31C0")]
    [InlineData("test rax, rax", "4885C0")]
    [InlineData("xchg eax, eax", "87C0")]
    [InlineData("movzx eax, byte [rbx]", "0FB603")]
    [InlineData("jmp rax", "FFE0")]
    [InlineData("call [rax]", "FF10")]
    [InlineData("pause", "F390")]
    [InlineData("lock add [rbx], rax", "F0480103")]
    public void Instruction_AssemblesToNasmBytes(string line, string hex)
    {
        Assert.Equal(hex, Asm.Hex(Asm.Bytes(line)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void DebugRegisters_BothDirections(int n)
    {
        Assert.Equal($"0F21{0xC0 + n * 8 + 3:X2}", Asm.Hex(Asm.Bytes($"mov rbx, dr{n}")));
        Assert.Equal($"0F23{0xC0 + n * 8 + 3:X2}", Asm.Hex(Asm.Bytes($"mov dr{n}, rbx")));
    }

    [Theory]
    [InlineData("cr0", "0F20C3", "0F22C3")]
    [InlineData("cr2", "0F20D3", "0F22D3")]
    [InlineData("cr3", "0F20DB", "0F22DB")]
    [InlineData("cr4", "0F20E3", "0F22E3")]
    [InlineData("cr8", "440F20C3", "440F22C3")]
    public void ControlRegisters_BothDirections(string cr, string read, string write)
    {
        Assert.Equal(read, Asm.Hex(Asm.Bytes($"mov rbx, {cr}")));
        Assert.Equal(write, Asm.Hex(Asm.Bytes($"mov {cr}, rbx")));
    }
}
