global using Microsoft.CodeAnalysis.Testing;
global using OutboxGen.Analyzers.Tests.Infrastructure;
