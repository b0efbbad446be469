using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<WasmApp.App>("#app");
Console.WriteLine(Shared.Triggers.Client.Name);
await builder.Build().RunAsync();
