using BlazorClient;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

// Do not do this: trigger from a server endpoint and read run status here with the run's public access token (see TASK200).
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.Services.AddTasksClient();
await builder.Build().RunAsync();
