// Usage: FineTune.HostProbe <path to FineTune.Kernel.dll>
// Loads the library by path, resolving its dependencies from the same folder only (as a notebook
// kernel's #r does), then asks it to run TorchSharp. Prints the libtorch version on success.
using System.Reflection;
using System.Runtime.Loader;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: FineTune.HostProbe <FineTune.Kernel.dll>");
    return 2;
}

string kernelPath = Path.GetFullPath(args[0]);
string folder = Path.GetDirectoryName(kernelPath)!;
AssemblyLoadContext.Default.Resolving += (context, name) =>
{
    string candidate = Path.Combine(folder, name.Name + ".dll");
    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
};

Assembly kernel = AssemblyLoadContext.Default.LoadFromAssemblyPath(kernelPath);
MethodInfo current = kernel.GetType("FineTune.Kernel.Runtime.TorchInfo", throwOnError: true)!.GetMethod("Current")!;
object info = current.Invoke(null, null)!;
Console.WriteLine(info.GetType().GetProperty("LibTorchVersion")!.GetValue(info));
Console.WriteLine(info.GetType().GetProperty("NativeStatus")!.GetValue(info));
return 0;
